/** The claim statuses (the card, the filters, the history, the exports). */
export const status = { open: 'Open', 'in-review': 'In review', checked: 'Checked' }
