/** W3C Web Annotation (JSON-LD) export and import; see ARCHITECTURE.md "Exchange". */
export { exportW3c, exportW3cText } from './w3cExport'
export { readW3c } from './w3cImport'
export { isW3cAnnotationData } from './w3cRead'
