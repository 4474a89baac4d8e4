// The tag colour of a 安置情况 (issue 9 item 8): resettled green, not resettled orange.
export function resettlementTag(status: string): 'success' | 'warning' {
  return status === 'not_resettled' ? 'warning' : 'success'
}
