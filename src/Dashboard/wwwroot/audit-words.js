// What the audit log's actions and outcomes are called on the accounts page, in both languages. The dashboard stores
// an action as an id (src/Dashboard/Security/Audit/AuditActions.cs, Schedules/ScheduleAuditActions.cs,
// Alerting/AlertingAuditActions.cs), and the API and exports keep it; an admin reads "Account created" or "创建账号".
// An id this table does not know (a dashboard newer than this page) is shown as written. The caller passes the
// reader's language ("zh" or "en", api.js's lang): AuditWordsTests runs this file with node and checks that every id
// of those files has a name here in both languages.

const actions = {
  // AuditActions: signing in and out, accounts, reports.
  "sign-in": ["Signed in", "登录"],
  "sign-in.failed": ["Sign-in failed", "登录失败"],
  lockout: ["Locked out after wrong passwords", "因密码错误被锁定"],
  "sign-out": ["Signed out", "退出"],
  "session.invalid": ["Session refused", "会话无效"],
  denied: ["Not allowed for the role", "角色无权操作"],
  "csrf.rejected": ["Request without a valid page token", "请求缺少有效的页面令牌"],
  "password.change": ["Own password changed", "修改本人密码"],
  "user.create": ["Account created", "创建账号"],
  "user.update": ["Account's roles or sites changed", "修改账号的角色或站点"],
  "user.password-reset": ["New one-time password given", "重新发放一次性密码"],
  "user.delete": ["Account deleted", "删除账号"],
  "report.export": ["Report exported", "导出报表"],
  // ScheduleAuditActions: sites, rooms, manual items, shows, the checklist.
  "site.create": ["Site added", "新增站点"],
  "site.update": ["Site changed", "修改站点"],
  "site.delete": ["Site deleted", "删除站点"],
  "room.create": ["Room added", "新增直播间"],
  "room.update": ["Room changed", "修改直播间"],
  "room.delete": ["Room deleted", "删除直播间"],
  "manual-item.create": ["Manual checklist item added", "新增人工检查项"],
  "manual-item.update": ["Manual checklist item changed", "修改人工检查项"],
  "manual-item.delete": ["Manual checklist item removed", "删除人工检查项"],
  "show.create": ["Show scheduled", "新增场次"],
  "show.update": ["Show changed", "修改场次"],
  "show.delete": ["Show deleted", "删除场次"],
  "show.import": ["Schedule imported", "导入排期"],
  "checklist.run": ["Checklist run started by hand", "手动运行开播前检查"],
  "checklist.confirm": ["Checklist item confirmed", "确认检查项"],
  // AlertingAuditActions: alert settings and open alerts.
  "alert-rule.save": ["Alert rule saved", "保存告警规则"],
  "alert-rule.delete": ["Alert rule deleted", "删除告警规则"],
  "rota.save": ["On-call rota saved", "保存值班表"],
  "silence.create": ["Silence added", "添加静默"],
  "alert-notice.test": ["Test notice sent", "发送测试通知"],
  "alert.acknowledge": ["Alert acknowledged", "确认收到告警"],
  "alert.resolve": ["Alert resolved", "解决告警"],
};

// The outcomes AuditLog.Write is given.
const outcomes = {
  ok: ["done", "成功"],
  failed: ["failed", "失败"],
  denied: ["denied", "被拒绝"],
  locked: ["locked", "已锁定"],
};

const pick = (table, id, lang) => (table[id] ? table[id][lang === "zh" ? 1 : 0] : id);

/** An audit action's name in the reader's language; an unknown id as written. */
export const auditAction = (id, lang) => pick(actions, id, lang);

/** An audit outcome in the reader's language; an unknown one as written. */
export const auditOutcome = (outcome, lang) => pick(outcomes, outcome, lang);
