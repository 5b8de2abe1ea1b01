import type { Claim } from '../../shared/domain'
import { FactdeskError } from '../../shared/errors'
import { isHttpUrl } from '../../shared/url'
import { checkedWording, day, ratingValue, verdictLabel, type RepublishData } from './model'

/**
 * schema.org ClaimReview (JSON-LD) for fact-check aggregators, one per rated claim.
 *
 * Ratings: the scale's levels map to ratingValue best…1 (SNU: 사실/True = 5 … 전혀 사실 아님/False = 1,
 * higher = more true), with bestRating and worstRating, and alternateName the verdict's label in the
 * review's language. A verdict that is a judgement but no position on the scale (판단 유보/Undecidable)
 * is published with alternateName only: Google's and the Fact Check Tools' rules give ratingValue,
 * bestRating and worstRating "for numeric ratings" only. A claim not rated yet has no review to publish
 * and is left out.
 */
export interface ClaimReviewJson {
  '@context': 'https://schema.org'
  '@type': 'ClaimReview'
  url: string
  claimReviewed: string
  reviewRating: Record<string, unknown>
  itemReviewed: Record<string, unknown>
  author?: Record<string, unknown>
  datePublished: string
  inLanguage: string
}

function rating(data: RepublishData, c: Claim): Record<string, unknown> {
  const value = ratingValue(data.scale, c.verdict)
  const label = verdictLabel(data, c.verdict)
  // `name` is what Google's and Bing's fact-check rich results show; alternateName stays for older readers.
  if (value === undefined) return { '@type': 'Rating', name: label, alternateName: label }
  return {
    '@type': 'Rating',
    ratingValue: value,
    bestRating: data.scale.order.length,
    worstRating: 1,
    name: label,
    alternateName: label,
  }
}

function itemReviewed(data: RepublishData): Record<string, unknown> {
  const { essayAuthor, essayUrl, essayPublished } = data.settings
  const item: Record<string, unknown> = { '@type': 'Claim' }
  if (essayAuthor) item.author = { '@type': 'Person', name: essayAuthor }
  if (essayPublished) item.datePublished = essayPublished
  if (isHttpUrl(essayUrl)) {
    const work: Record<string, unknown> = { '@type': 'CreativeWork', url: essayUrl }
    if (data.doc.title) work.headline = data.doc.title
    if (essayAuthor) work.author = { '@type': 'Person', name: essayAuthor }
    if (essayPublished) work.datePublished = essayPublished
    item.appearance = work
  }
  return item
}

/**
 * Claims that get a ClaimReview: rated ones, on the scale or off it — except those whose words changed
 * since they were rated, whose verdict judged other words (the export's counts say how many were left out).
 */
export function reviewedClaims(data: RepublishData): Claim[] {
  return ratedClaims(data).filter((c) => !c.textChanged)
}

/** Rated claims whose words changed since: left out of ClaimReview until a reviewer confirms the verdict. */
export function awaitingReconfirmation(data: RepublishData): Claim[] {
  return ratedClaims(data).filter((c) => c.textChanged)
}

const ratedClaims = (data: RepublishData): Claim[] =>
  [...data.claims, ...data.unattached].filter((c) => c.verdict !== data.scale.unrated)

/**
 * The address of a claim's own fact-check: the page with the anchor the HTML export gives the claim's
 * appendix entry (`#claim-N`, N its number in reading order). A claim not attached to the text has no
 * entry on the page and gets the page itself.
 */
function reviewUrl(data: RepublishData, page: string, c: Claim): string {
  const n = data.claims.indexOf(c) + 1
  if (n === 0) return page
  const url = new URL(page)
  url.hash = `claim-${n}`
  return url.href
}

/** claimReviewed is one line: aggregators show it as a title, where a raw line break does not belong. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

export function buildClaimReviews(data: RepublishData): ClaimReviewJson[] {
  const url = data.settings.factcheckUrl
  if (!isHttpUrl(url)) {
    throw new FactdeskError('claimreview-needs-url')
  }
  const { organisationName, organisationUrl } = data.settings
  const author: Record<string, unknown> | undefined = organisationName
    ? {
        '@type': 'Organization',
        name: organisationName,
        ...(isHttpUrl(organisationUrl) ? { url: organisationUrl } : {}),
      }
    : undefined
  return reviewedClaims(data).map((c) => ({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: reviewUrl(data, url, c),
    // A corrected claim was checked (and rated) in its original wording.
    claimReviewed: oneLine(checkedWording(data, c).quote),
    reviewRating: rating(data, c),
    itemReviewed: itemReviewed(data),
    ...(author ? { author } : {}),
    datePublished: day(c.modified),
    inLanguage: data.lang,
  }))
}

/** `<` is written as \u003c (the same JSON value), so the file can be pasted into a <script> element as is. */
export function renderClaimReview(data: RepublishData): string {
  return JSON.stringify(buildClaimReviews(data), null, 2).replace(/</g, '\\u003c') + '\n'
}
