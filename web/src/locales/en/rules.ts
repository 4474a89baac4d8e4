export default {
  page: 'Rules',
  link: 'Rule details',
  intro: 'How anbang applies each rule of Rongchang District policy 2015 No. 20: what it asks, where it is done, its tasks and policy parameters.',
  chineseOnly: 'This document is in Chinese only: it is written for the district’s officers.',
  jump: 'Go to rule',
}
