export default {
  page: '政策参数',
  hint: '参数自生效日期起适用：期限类参数按产生义务之日的取值计算，周期类参数从生效日期后的下一个周期起适用。修改后将重新计算所有人员的任务。',
  col: {
    param: '参数',
    explanation: '说明',
    current: '当前值',
    from: '生效日期',
    entries: '设定记录',
    actions: '操作',
  },
  byDefault: '默认值',
  upcoming: '待生效',
  entry: '{value}（自 {date} 起）',
  edit: '修改',
  editTitle: '修改政策参数：{label}',
  value: '参数值',
  effectiveFrom: '生效日期',
  confirm: '修改后将重新计算所有人员的任务，确定吗？',
  saved: '已修改，自 {date} 起生效',
  job: {
    running: '正在后台重新计算所有人员的任务：已完成 {done} / {total} 人',
    done: '所有人员的任务已按新参数重新计算（{total} 人）',
    failed: '重新计算任务失败，请稍后再修改一次或联系管理员',
  },
  unknown: '（本页面未收录此参数的说明）',
  words: {
    month: '每月',
    quarter: '每季度',
    half_year: '每半年',
    none: '不设',
    all: '三项全部具备',
    any: '具备任一项',
  },
  params: {
    assistance_years_custody: {
      label: '帮教期限（刑满释放）',
      help: '从监狱、看守所释放的人员，安置帮教期限为自释放之日起的年数（R-PER-1）。',
      unit: '年',
    },
    assistance_years_correction: {
      label: '帮教期限（社区矫正期满）',
      help: '社区矫正期满的人员，安置帮教期限为自矫正期满之日起的年数（R-PER-1）。',
      unit: '年',
    },
    registration_days: {
      label: '报到期限',
      help: '刑满释放人员自释放之日起，须在该天数内持释放证明到户籍地司法所报到（R-REG-1）。',
      unit: '天',
    },
    linkage_form_months: {
      label: '登记表寄送期限',
      help: '监所自收押之日起，须在该月数内寄送《基本情况登记表》（R-LNK-1）。',
      unit: '个月',
    },
    verification_feedback_months: {
      label: '核查反馈期限',
      help: '司法所自收到登记表之日起，须在该月数内反馈核查结果（R-LNK-2）。',
      unit: '个月',
    },
    release_notice_months_before: {
      label: '释放通知提前期',
      help: '监所须在释放前该月数寄送《刑满释放人员通知书》（R-LNK-4）。',
      unit: '个月',
    },
    reception_feedback_days: {
      label: '接收安排反馈期限',
      help: '司法所自收到释放通知书之日起，须在该天数内反馈接收安排，且不晚于释放之日（R-LNK-4）。',
      unit: '天',
    },
    family_help_days: {
      label: '困难家庭帮扶期限',
      help: '收到服刑人员家庭困难或未成年子女情况的报告后，镇街须在该天数内开展帮扶（R-LNK-3）。',
      unit: '天',
    },
    partial_period_min_days: {
      label: '周期计入最少天数',
      help: '走访、考察或会议的一个周期内，处于帮教期（或单位启用）的天数达到该值，该周期才产生任务（R-VIS-1、R-VIS-2、R-REV-1、R-MTG）。',
      unit: '天',
    },
    general_visit_period: {
      label: '一般对象走访周期',
      help: '一般帮教对象每个周期至少走访一次（R-VIS-1）；修改从生效日期后的下一个周期起适用。',
    },
    key_visit_period: {
      label: '重点对象最短走访周期',
      help: '重点帮教对象随时走访之外的最短走访周期；“不设”表示只按一般对象的周期（R-VIS-2）。',
    },
    lost_contact_days: {
      label: '脱管预警天数',
      help: '走访或考察逾期超过该天数且之后没有记录的人员，列入脱管风险名单（R-LOST-1）。',
      unit: '天',
    },
    three_none_mode: {
      label: '“三无”认定方式',
      help: '无家可归、无业可就、无亲可投：三项全部具备才认定为“三无”，或具备任一项即认定（R-CLS-2）。',
    },
    backdate_limit_days: {
      label: '补录追溯天数',
      help: '记录（接回、报到、走访、考察、羁押、帮扶、会议、核查反馈、接回安排）的日期最多可早于录入当天的天数；早于录入当天的记录标为“补录”。按录入当天有效的值判断。',
      unit: '天',
    },
    help_group_days: {
      label: '组建帮教小组期限',
      help: '自报到之日起，须在该天数内组建至少 2 人的帮教小组（R-ORG-3）。按报到之日有效的值计算。',
      unit: '天',
    },
    help_plan_days: {
      label: '制定帮教方案期限',
      help: '自报到之日起，须在该天数内制定第一版帮教方案（R-ORG-4）。按报到之日有效的值计算。',
      unit: '天',
    },
    help_plan_revision_days: {
      label: '修订帮教方案期限',
      help: '每次全面考察或帮教类别变化之后，须在该天数内修订帮教方案（R-ORG-4）。按考察或类别变化之日有效的值计算。',
      unit: '天',
    },
    targeted_education_days: {
      label: '针对性法治教育提前天数',
      help: '每个节假日、敏感时期或重大活动开始前的这些天内，各镇街应开展一次针对性法治教育（R-EDU-1）。按活动开始当天有效的值判断。',
      unit: '天',
    },
    skills_trainings_per_year: {
      label: '每年技能培训期数',
      help: '人力社保部门每年至少举办的免费针对性技能培训期数（R-EMP-2）。按当年1月1日有效的值判断。',
      unit: '期',
    },
    min_living_standard_urban_fen: {
      label: '城镇最低生活保障标准',
      help: '本区城镇居民最低生活保障标准，每人每月，单位为分（例如 74000 即 740 元）。低保预审（R-AID-1）按申请之日有效的值比较家庭人均月收入；过渡性困难生活补助金也按此标准计发。由本区民政部门公布后维护。',
      unit: '分/人·月',
    },
    min_living_standard_rural_fen: {
      label: '农村最低生活保障标准',
      help: '本区农村居民最低生活保障标准，每人每月，单位为分（例如 60000 即 600 元）。低保预审（R-AID-1）按申请之日有效的值比较家庭人均月收入。由本区民政部门公布后维护。',
      unit: '分/人·月',
    },
    referral_answer_days: {
      label: '救助申请答复期限',
      help: '社会救助申请转交受理单位（镇街或部门）后，受理单位应在该天数内作出第一次答复（受理、通知补充材料或决定），逾期列为受理单位的任务，区安帮办可见（R-AID-1 至 R-AID-6）。按转交之日有效的值计算。',
      unit: '天',
    },
  },
}
