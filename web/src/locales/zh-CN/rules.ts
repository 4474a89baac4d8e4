export default {
  page: '规则说明',
  link: '规则说明',
  intro: '安帮系统怎样执行荣昌府发〔2015〕20号的每一条规则：要求、办理页面、任务和政策参数。',
  chineseOnly: '本文件只有中文版。',
  jump: '跳转到规则',
}
