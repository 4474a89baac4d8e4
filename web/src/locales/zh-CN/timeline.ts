// Timeline entries: the server sends a code and its parameters; these are the words.
export default {
  person: {
    created: '建立档案',
    created_by_form: '根据{sender}发送的《基本情况登记表》建立档案',
    created_demo: '建立档案（演示数据导入）',
    updated: '修改档案（{count}项）',
  },
  class: {
    key: '列为重点帮教对象：{criteria}',
    general: '转为一般帮教对象',
    generalBecause: '转为一般帮教对象：不再符合{criteria}',
    criterion: {
      reoffending_tendency: '有明显重新犯罪倾向',
      false_name: '假姓名',
      false_identity: '假身份',
      false_address: '假地址',
      three_none: '“三无”人员',
      national_security: '危害国家安全罪',
    },
  },
  period: {
    expired: '帮教期满（{end_date}），自动解除帮教（R-PER-1）',
  },
  custody: {
    detention: '羁押：{from} 起（羁押期间不计入帮教，期间到期的任务不适用）',
    detention_until: '羁押：{from} 至 {to}（羁押期间不计入帮教，期间到期的任务不适用）',
    ended: '羁押结束：{to}，继续帮教',
    new_sentence: '再次收监（新的刑罚）：{from} 起，原帮教期（{old_release} 释放）终止；预计释放日期 {release}，释放后开始新的帮教期',
    confirmed: '确认{source}通报的再次收押（{from}），原帮教期终止',
  },
  pickup: {
    recorded: '接回：{picked_on} {place}，接回人员 {team}',
    failed: '接回未接到本人：{picked_on} {place}（不视为已接回）',
  },
  warning: {
    recorded: '预警：{observed_on} 发现{sign_kind}迹象',
    recorded_notified: '预警：{observed_on} 发现{sign_kind}迹象，{notified_on} 已通报{station}（接收民警 {officer}）',
    notified: '预警已通报{station}：{notified_on}，接收民警 {officer}',
    lifted: '解除预警：{lifted_on}，原因：{reason}',
    sign: { threat: '扬言报复', conflict: '矛盾纠纷激化', bad_company: '结交不良人员', drugs: '涉毒', gambling: '涉赌', unstable: '思想情绪不稳定', other: '其他重新犯罪' },
  },
  reoffence: {
    recorded: '重新犯罪：{offence_on} 犯{charge}，{custody_on} 被羁押（{authority}决定），帮教期终止',
  },
  outing: {
    recorded: '外出务工：{left_on} 前往{destination}，预计 {expected_return} 返回',
    returned: '外出返回：{returned_on}（{left_on} 外出）',
  },
  registration: {
    recorded: '报到登记 {registered_on}',
    recorded_explained: '报到登记 {registered_on}，已讲解社会救助政策',
    corrected: '更正报到登记（报到日期 {registered_on}），原因：{reason}',
  },
  followup: {
    visit: '走访 {held_on}（{form}）',
    review: '全面考察 {held_on}（{form}）',
  },
  transfer: {
    kind: { residence: '居住地变更', household: '户籍地变更', identity_established: '身份查清' },
    requested: '申请{kind}：转往 {to}，待对方接收',
    accepted: '{kind}已接收：{from} → {to}',
    rejected: '{kind}被退回：{from} → {to}（{note}）',
    withdrawn: '已撤回{kind}申请（转往 {to}）',
  },
  release: {
    notified: '释放前通报（{notified_on}，{method}）：{units}',
    method: { phone: '电话', document: '书面', meeting: '会议', in_person: '当面' },
  },
  document: {
    registration_form: '{sender} 发送《基本情况登记表》（收押日期 {custody_date}）',
    registration_form_mail: '邮寄收到 {sender}《基本情况登记表》（收押日期 {custody_date}，收到日期 {received_on}，{entered_by} 录入）',
    new_custody_report: '{sender} 通报该人员已再次收押（收押日期 {custody_date}），待户籍地司法所确认',
    verification: '核查反馈：假姓名{false_name}，假身份{false_identity}，假地址{false_address}',
    finding: { confirmed: '查实为假', suspected: '存疑', cleared: '已排除' },
    release_notice: '收到《刑满释放人员通知书》：释放日期 {release_date}，风险等级{risk_level}',
    release_notice_corrected: '《刑满释放人员通知书》已更正：释放日期 {old_release_date} → {release_date}，风险等级{risk_level}，原因：{reason}',
    risk: { high: '高', medium: '中', low: '低' },
    reception: '反馈接收安排：{pickup_by}接回，计划 {planned_date}',
    pickup_by: { township_team: '镇街组织', family: '家属及村（社区）代表' },
    family_change: '通报家庭重大变故（{occurred_on}）：{summary}',
    family_change_help: '通报家庭重大变故（{occurred_on}）：{summary}；需镇街帮扶',
    family_help: '家庭帮扶（{given_on}）：{help}',
  },
  unknown: '（记录类型 {code}）',
}
