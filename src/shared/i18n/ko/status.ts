import type { Catalogue } from '../catalogue'

export const status: Catalogue['status'] = { open: '확인 전', 'in-review': '확인 중', checked: '확인 완료' }
