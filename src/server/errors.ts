/**
 * The transport classes an error can fall into. Spelled like tRPC's codes so the API layer maps them one to
 * one, but declared here so that domain rules and services never import the transport
 * (src/server/api/errors.ts turns them into tRPC errors, HTTP responses and server-action results).
 */
export type ErrorClass =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL_SERVER_ERROR";

/**
 * One list of domain error codes, each with its error class and the Chinese message a user sees.
 * Areas add their codes here so that every message lives in one place.
 */
export const ERRORS = {
  UNAUTHENTICATED: { code: "UNAUTHORIZED", message: "请先登录，或登录已过期，请重新登录" },
  FORBIDDEN_ROLE: { code: "FORBIDDEN", message: "当前账户无权执行此操作" },
  NOT_FOUND: { code: "NOT_FOUND", message: "记录不存在或无权查看" },
  ACCOUNT_PENDING: { code: "FORBIDDEN", message: "账户尚未通过审核，暂不能办理业务" },
  ACCOUNT_DISABLED: { code: "UNAUTHORIZED", message: "账户已停用，请联系平台管理员" },
  BAD_INPUT: { code: "BAD_REQUEST", message: "输入有误，请检查后重试" },
  CONFLICT: { code: "CONFLICT", message: "记录已被他人修改，请刷新后重试" },
  RATE_LIMITED: { code: "TOO_MANY_REQUESTS", message: "操作过于频繁，请稍后再试" },
  // Issue 9 item 4: an administrator forced a password reset; only changing the password stays open.
  PASSWORD_CHANGE_REQUIRED: { code: "FORBIDDEN", message: "管理员要求您重设密码，请先修改密码" },
  // Accounts (issue 3)
  USERNAME_TAKEN: { code: "CONFLICT", message: "该用户名已被注册，请换一个" },
  USCC_TAKEN: { code: "CONFLICT", message: "该统一社会信用代码已注册，请直接登录或找回密码" },
  REGION_UNKNOWN: { code: "BAD_REQUEST", message: "所选地区不存在或级别不符，请重新选择" },
  SMS_CODE_INVALID: { code: "BAD_REQUEST", message: "短信验证码错误或已过期，请重新获取" },
  PASSWORD_WRONG: { code: "BAD_REQUEST", message: "原密码不正确" },
  RESET_MISMATCH: { code: "BAD_REQUEST", message: "用户名与手机号码不匹配，或验证码错误" },
  REGISTRATION_NOT_PENDING: { code: "CONFLICT", message: "该注册申请已处理，请刷新后查看" },
  REGISTRATION_NOT_EDITABLE: { code: "CONFLICT", message: "只有被退回的注册申请可以修改后重新提交" },
  DOCUMENT_MISSING: { code: "BAD_REQUEST", message: "请上传所需的证照文件" },
  NOT_ORG_OWNER: { code: "FORBIDDEN", message: "只有本单位管理员可以办理此事项" },
  JOIN_EXISTS: { code: "CONFLICT", message: "已申请或已关联该单位，请勿重复申请" },
  JOIN_NOT_PENDING: { code: "CONFLICT", message: "该申请已处理，请刷新后查看" },
  DEPARTMENT_TAKEN: { code: "CONFLICT", message: "本单位已有同名部门" },
  CANNOT_REMOVE_OWNER: { code: "BAD_REQUEST", message: "不能移除单位管理员" },
  CANNOT_DISABLE_SELF: { code: "BAD_REQUEST", message: "不能停用自己的账户" },
  OUTBOX_NOT_FAILED: { code: "CONFLICT", message: "只有发送失败的消息可以重新发送，请刷新后查看" },
  // Ledger (SPEC §5)
  LEDGER_DUPLICATE: { code: "CONFLICT", message: "同一单位内生产厂家 + 出厂编号不能重复" },
  LEDGER_IN_FLOW: { code: "CONFLICT", message: "器具正在备案或预约流程中，不能修改" },
  LEDGER_NOT_DELETABLE: { code: "CONFLICT", message: "只能删除从未备案的器具" },
  LEDGER_BAD_TRANSITION: { code: "CONFLICT", message: "器具当前状态不允许此操作" },
  LEDGER_KIND_NOT_COMPULSORY: { code: "BAD_REQUEST", message: "该种别仅实行型式批准（P），不属于强制检定，不能登记为强检器具" },
  LEDGER_ATTACHMENTS_FULL: { code: "BAD_REQUEST", message: "每台器具的附件合计不超过 10 MB" },
  IMPORT_BAD_FILE: { code: "BAD_REQUEST", message: "文件不是有效的 Excel（.xlsx）文件" },
  IMPORT_TOO_BIG: { code: "BAD_REQUEST", message: "Excel 文件解压后超过 100 MB，已拒绝" },
  INTERNAL: { code: "INTERNAL_SERVER_ERROR", message: "系统繁忙，请稍后再试" },
  // Filing and capabilities (issue 5)
  FILING_ALREADY_FILED: { code: "CONFLICT", message: "该器具已备案，无需重复备案" },
  FILING_ALREADY_OPEN: { code: "CONFLICT", message: "该器具已提交备案，正在审核中，请勿重复提交" },
  FILING_NOT_NEEDED: { code: "BAD_REQUEST", message: "该器具已有检定记录，后续周期无需备案，可直接预约检定" },
  FILING_DELETE_ONLY: { code: "BAD_REQUEST", message: "该器具因“不属于强检目录”被退回，只能删除，不能重新提交" },
  FILING_INSTRUMENT_INACTIVE: { code: "BAD_REQUEST", message: "停用或报废的器具不能备案" },
  FILING_IN_FLOW: { code: "CONFLICT", message: "该器具正在其他流程中，暂不能备案" },
  FILING_KIND_NOT_VERIFIABLE: { code: "BAD_REQUEST", message: "该器具种别仅实施型式批准（P），本平台只受理强制检定" },
  FILING_TYPE_EVALUATION_MISSING: { code: "BAD_REQUEST", message: "监管方式为 P+V 的器具须先上传型式评价报告或型式批准证书，才能备案" },
  FILING_INSTITUTION_NOT_ELIGIBLE: { code: "BAD_REQUEST", message: "所选机构不具备该器具的检定能力或不覆盖器具所在地，请重新选择" },
  FILING_STATE_CHANGED: { code: "CONFLICT", message: "该备案已被处理或状态已变化，请刷新后查看" },
  FILING_ASSIGN_NOT_ALLOWED: { code: "BAD_REQUEST", message: "只有市级及以上法定计量技术机构可以分派备案" },
  FILING_ASSIGN_TARGET_INVALID: { code: "BAD_REQUEST", message: "只能分派给本辖区内器具所在区县的法定计量技术机构" },
  FILING_ASSIGN_NO_CAPABILITY: { code: "BAD_REQUEST", message: "所选区县机构不具备该器具的检定能力" },
  FILING_NOT_RETURNED: { code: "BAD_REQUEST", message: "只有被退回的器具才能在此修改、重新提交或删除" },
  FILING_CODE_EXHAUSTED: { code: "CONFLICT", message: "该区县当日器具编码已用完，请次日再审批" },
  CAPABILITY_DUPLICATE: { code: "CONFLICT", message: "该种别与检定方式的能力已存在，请直接修改" },
  CAPABILITY_REGION_OUTSIDE: { code: "BAD_REQUEST", message: "覆盖区域须在本机构辖区之内" },
  CAPABILITY_REGION_REQUIRED: { code: "BAD_REQUEST", message: "授权机构须列明覆盖区域" },
  CAPABILITY_KIND_NOT_VERIFIABLE: { code: "BAD_REQUEST", message: "仅实施型式批准（P）的种别不能设置检定能力" },
  // Notifications (issue 13)
  WEBHOOK_URL_INVALID: { code: "BAD_REQUEST", message: "Webhook 地址格式不正确" },
  WEBHOOK_URL_PRIVATE: { code: "BAD_REQUEST", message: "Webhook 地址指向内网或本机地址，已拒绝" },
  WEBHOOK_NOT_SET: { code: "BAD_REQUEST", message: "请先设置并启用 Webhook 地址" },
  // Appointment calendar and settings (issue 10 item 1, R-APT-5)
  APPOINTMENT_DAY_PAST: { code: "BAD_REQUEST", message: "预约日期已过，请选择今天以后的工作日" },
  APPOINTMENT_DAY_TODAY: { code: "BAD_REQUEST", message: "不能预约当天，请选择明天及以后的工作日" },
  APPOINTMENT_DAY_HOLIDAY: { code: "BAD_REQUEST", message: "该日期是法定节假日，机构不受理预约，请另选工作日" },
  APPOINTMENT_DAY_WEEKEND: { code: "BAD_REQUEST", message: "该日期是周末，机构不受理预约，请另选工作日" },
  APPOINTMENT_DAY_CLOSED: { code: "BAD_REQUEST", message: "机构该日停止受理预约，请另选工作日" },
  CLOSED_DAY_TAKEN: { code: "CONFLICT", message: "该日期已设为停止受理日" },
  CLOSED_DAY_PAST: { code: "BAD_REQUEST", message: "只能为今天及以后的日期设置停止受理" },
  CALENDAR_DAY_TAKEN: { code: "CONFLICT", message: "该日期已在节假日表中，如需修改请先删除" },
  // Appointments, results, certificates: shared rules (issue 10 foundation)
  APT_NOT_FILED: { code: "BAD_REQUEST", message: "只有已备案（或已有检定记录）的器具才能预约检定" },
  APT_INSTRUMENT_INACTIVE: { code: "BAD_REQUEST", message: "停用或报废的器具不能预约检定" },
  APT_ALREADY_BOOKED: { code: "CONFLICT", message: "该器具已在其他未完成的预约单中" },
  APT_IN_FILING: { code: "CONFLICT", message: "该器具正在备案流程中，暂不能预约" },
  APT_NO_INSTITUTION: { code: "BAD_REQUEST", message: "该器具尚无检定机构，请先备案" },
  APT_MIXED: { code: "BAD_REQUEST", message: "一张预约单只能包含同一检定机构、同一检定方式的器具" },
  APT_STATE_CHANGED: { code: "CONFLICT", message: "该预约单状态已变化，请刷新后查看" },
  APT_ITEM_STATE_CHANGED: { code: "CONFLICT", message: "该器具在预约单中的状态已变化，请刷新后查看" },
  APT_SLOT_FULL: { code: "CONFLICT", message: "该时段已约满，请选择其他日期或时段" },
  APT_SLOT_UNKNOWN: { code: "BAD_REQUEST", message: "机构不提供所选时段，请重新选择" },
  RES_VALID_BEFORE_VERIFIED: { code: "BAD_REQUEST", message: "有效期至不能早于检定日期" },
  CERT_TEMPLATE_INVALID: { code: "BAD_REQUEST", message: "编号模板须包含 {YYYY} 和流水号（如 {seq6}），且只能使用字母、数字和 -" },

  // Issue 10 — booking (enterprise side)
  APT_SITE_ADDRESS_REQUIRED: { code: "BAD_REQUEST", message: "现场检定请填写检定地点（现场地址）" },
  APT_NOTHING_DUE: { code: "BAD_REQUEST", message: "没有可预约的须检或超期未检器具" },
  APT_NO_OPEN_SLOT: { code: "CONFLICT", message: "该机构近期没有可预约的时段，请稍后再试或联系机构" },
  APT_NOTHING_TO_CANCEL: { code: "BAD_REQUEST", message: "所选器具都已接收或已取消，不能再取消" },

  // Issue 10 — institution confirmation and appointment sheet
  APT_RESCHEDULE_SAME_TIME: { code: "BAD_REQUEST", message: "新的预约时间与原时间相同，请选择其他日期或时段" },
  APT_RESCHEDULE_SLOT_FULL: { code: "CONFLICT", message: "新时段剩余容量不足；如确需超出容量，请勾选“超出容量仍改约”" },
  APT_NO_NUMBER: { code: "BAD_REQUEST", message: "待提交的预约单尚无预约单号，提交后才能打印预约单" },

  // Issue 10 — reception and results
  RECEPTION_NOT_OPEN: { code: "CONFLICT", message: "该预约单当前不能办理接收" },
  RES_NOT_RECEIVED: { code: "CONFLICT", message: "该器具尚未接收，不能录入检定结果" },
  RES_ALREADY_RECORDED: { code: "CONFLICT", message: "该器具已有检定结果，不能重复录入" },
  RES_VERIFIED_IN_FUTURE: { code: "BAD_REQUEST", message: "检定日期不能晚于今天" },
  RES_DUPLICATE_ROW: { code: "BAD_REQUEST", message: "同一台器具在本次录入中出现了两次" },

  // Issue 10 — certificates, fees, downloads
  CERT_FEE_UNPAID: { code: "FORBIDDEN", message: "该证书有待缴的费用，检定机构确认缴费后方可下载" },
  CERT_ALREADY_REVOKED: { code: "CONFLICT", message: "该证书已撤销，请刷新后查看" },
  CERT_SUPERSEDED: { code: "CONFLICT", message: "该器具已有更新的检定结果，不能重新出具这份旧证书" },
  CERT_BATCH_INVALID: { code: "BAD_REQUEST", message: "请选择要下载的证书（一次最多 200 份）" },
  FEE_ALREADY_PAID: { code: "CONFLICT", message: "费用已确认缴纳，不能再修改" },
  FEE_NOT_DUE: { code: "CONFLICT", message: "该检定结果没有待缴的费用" },
  CERT_TEMPLATE_SEQ_TOO_SHORT: { code: "BAD_REQUEST", message: "流水号位数不足，请加大 {seqN} 的位数" },

  // Issue 12 — regulator workspace
  STAT_UNKNOWN_ITEM: { code: "BAD_REQUEST", message: "所选项别不在现行目录中，请重新选择" },
  STAT_UNKNOWN_INSTITUTION: { code: "BAD_REQUEST", message: "所选检定机构不存在，请重新选择" },
  // (regwork: supervision lists, notices, task assignment, dispensers, duplicates)
  REG_FILTER_UNKNOWN: { code: "BAD_REQUEST", message: "筛选条件无效，请从列表中选择" },
  NOTICE_STATE_CHANGED: { code: "CONFLICT", message: "该公告状态已变化，请刷新后查看" },
  NOTICE_EMPTY: { code: "BAD_REQUEST", message: "公告正文去除不安全内容后为空，请填写正文" },
  TASK_NOT_MOVABLE: { code: "CONFLICT", message: "只有待审核或已分派的备案、未接收的预约可以转派，请刷新后查看" },
  TASK_SAME_INSTITUTION: { code: "BAD_REQUEST", message: "请选择另一家检定机构" },
  TASK_TARGET_OUTSIDE: { code: "BAD_REQUEST", message: "只能转派给本辖区内的检定机构" },
  TASK_TARGET_NO_CAPABILITY: { code: "BAD_REQUEST", message: "所选机构不具备该器具的检定能力或不覆盖器具所在地" },
  DISPENSER_DUPLICATE: { code: "CONFLICT", message: "该加油站已登记同一生产厂家和出厂编号的加油机" },
  DISPENSER_NOT_STATION: { code: "BAD_REQUEST", message: "所选单位不是使用单位，不能登记加油机" },

  // Issue 11 — public portal
  PUBLIC_RATE_LIMITED: { code: "TOO_MANY_REQUESTS", message: "查询过于频繁，请一分钟后再试" },
  LABELS_NONE: { code: "BAD_REQUEST", message: "请选择已备案的器具再打印标签" },
  LABELS_TOO_MANY: { code: "BAD_REQUEST", message: "一次最多打印 240 张标签，请分批打印" },

} as const satisfies Record<string, { code: ErrorClass; message: string }>;

export type AppErrorCode = keyof typeof ERRORS;

/** A domain error: thrown by services and domain rules, mapped to the transport in src/server/api/errors.ts. */
export class AppError extends Error {
  constructor(
    readonly appCode: AppErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? ERRORS[appCode].message);
    this.name = "AppError";
  }
}

export const notFound = () => new AppError("NOT_FOUND");
