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
  },
  registration: {
    recorded: '报到登记 {registered_on}',
    recorded_explained: '报到登记 {registered_on}，已讲解社会救助政策',
    corrected: '更正报到登记（报到日期 {registered_on}），原因：{reason}',
  },
  education: {
    session: '参加{kind}：{topic}（{held_on}）',
    session_absent: '列入{kind}但未到场：{topic}（{held_on}）',
    talk: '个别谈话 {held_on}：{topic}（谈话人 {talked_by}）',
    kind: { thought: '思想教育', legal: '法治教育', moral: '道德教育', cultural: '文化教育' },
  },
  publicity: {
    consent: '登记本人同意宣传（{given_on}，范围：{scope}）',
    consent_until: '登记本人同意宣传（{given_on}，范围：{scope}，有效期至 {valid_until}）',
    published: '先进典型已发布：{title}',
    scope: { internal: '仅内部宣传', public_media: '内部宣传和公开媒体' },
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
