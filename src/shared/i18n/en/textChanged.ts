export const textChanged = {
  badge: 'Text changed since rated',
  badgeHelp:
    'The words of this claim changed after it was rated. Check the verdict against the words as they are now and confirm it (or change it).',
  confirmVerdict: 'Confirm verdict',
  confirmHelp: (verdict: string) => `Confirm “${verdict}” for the words as they read now`,
  filter: 'Text changed since rated',
  tally: 'Text changed since rated',
  highlight: 'text changed since rated',
  changedTitle: 'Claims now on other words',
  changedIntro:
    'The essay reads these claims in other words than the file quoted. A rated claim among them awaits re-confirmation of its verdict.',
  before: 'In the file',
  after: 'In the essay now',
  exportLeftOut: (n: number) =>
    `${n} rated ${n === 1 ? 'claim is' : 'claims are'} left out: ${n === 1 ? 'its' : 'their'} text changed since ${n === 1 ? 'it was' : 'they were'} rated. Confirm the verdict to publish ${n === 1 ? 'it' : 'them'}.`,
  exportLabelled: (n: number) =>
    `${n} ${n === 1 ? 'claim is' : 'claims are'} labelled “Text changed since it was rated — verdict awaiting re-confirmation”.`,
}
