package org.publicservice.procurement.officials;

import java.util.List;
import java.util.Map;
import org.publicservice.procurement.identity.Groups;

/**
 * What each role does and where, in the words Tasklist shows when a role has no task open (and docs/officials.md
 * repeats): an organisation bids on the portal, a designer changes models in Desktop Modeler, a supervisor watches
 * in Cockpit. Links are paths of this application.
 */
record RoleGuide(String role, String roleName, String work, String emptyList, List<Link> links) {

  record Link(String label, String path) {
  }

  static final String PORTAL_LOGIN = "/portal/login";
  static final String COCKPIT = "/camunda/app/cockpit/default/";
  static final String ADMIN = "/camunda/app/admin/default/";
  static final String PURCHASES = "#/purchases";

  static final Map<String, RoleGuide> BY_ROLE = Map.of(
      Groups.PURCHASER, new RoleGuide(Groups.PURCHASER, "采购人",
          "点击“发起流程 → 政府购买服务项目”提交采购申请，提交后即显示项目编号。此后本单位的编制招标文件、答复提问、"
              + "资格审查、确定中标、签订合同、组织验收等任务出现在“本组待办”，认领后办理；每项任务的到期日即办理期限。"
              + "“我的采购项目”列出本单位每个项目所处阶段、下一期限和当前办理方。",
          "本单位目前没有待办任务。新的采购申请请点击“发起流程”；项目进展见“我的采购项目”。",
          List.of(new Link("我的采购项目", PURCHASES))),
      Groups.FINANCE, new RoleGuide(Groups.FINANCE, "财政部门",
          "审核采购申请与采购方式、审批变更采购方式和单一来源采购、受理和处理投诉。待办事项出现在“本组待办”，"
              + "认领后办理；到期日即法定或内部办理期限，超过期限的任务列在“已逾期”。",
          "目前没有待审核的事项。新的采购申请或投诉到达时会以邮件通知。", List.of()),
      Groups.EXPERT, new RoleGuide(Groups.EXPERT, "评审专家",
          "被随机抽入评审小组后，您会收到邮件，并在“我的任务”中看到“回避声明”（1个工作日内）；声明无利害关系后"
              + "依次办理“评审打分”和“签署评审报告”。评分和报告在评审结束前对其他人保密。",
          "目前没有抽到您参加的评审。被抽中时会以邮件通知。", List.of()),
      Groups.SOCIAL_ORGANISATION, new RoleGuide(Groups.SOCIAL_ORGANISATION, "承接主体",
          "投标、替换或撤回投标、向采购人提问和对中标结果提出质疑，请在信息公开网站“供应商登录 → 我的投标”中办理，"
              + "账号密码与此相同。中标后，审阅并签订合同、提交服务进度报告、绩效自评等任务出现在这里的“我的任务”。",
          "这里没有您的待办任务。投标请到信息公开网站“供应商登录 → 我的投标”办理。",
          List.of(new Link("信息公开网站：供应商登录", PORTAL_LOGIN))),
      Groups.EVALUATOR, new RoleGuide(Groups.EVALUATOR, "第三方评价机构",
          "服务期满、服务对象评价结束后，“第三方评价打分”任务出现在“本组待办”和“履约与评价”中，"
              + "请在到期日前对每项绩效指标评分并说明依据。",
          "目前没有待评价的项目。评价任务到达时会以邮件通知。", List.of()),
      Groups.SUPERVISOR, new RoleGuide(Groups.SUPERVISOR, "监督",
          "在监控平台（Cockpit）查看所有采购项目的进展、期限和异常：流程“政府购买服务项目”的“采购项目”标签按项目编号列出全部项目。"
              + "任务平台的“已逾期”和“全部任务”列出逾期和进行中的任务，仅供查看。发送失败的通知邮件可在监控平台中重新发送。",
          "监督人员不办理任务。请在监控平台（Cockpit）查看项目进展。",
          List.of(new Link("打开监控平台（Cockpit）", COCKPIT))),
      Groups.DESIGNER, new RoleGuide(Groups.DESIGNER, "流程设计",
          "流程模型（BPMN）、决策表（DMN）和表单在 Camunda Desktop Modeler 中修改，并以本人账号部署到本系统的 REST 接口"
              + "（地址为本站的 /engine-rest，认证方式 HTTP Basic）。任务平台中没有流程设计人员的任务。",
          "流程设计人员在任务平台中没有任务。模型请在 Desktop Modeler 中修改和部署。", List.of()),
      Groups.ADMIN, new RoleGuide(Groups.ADMIN, "系统管理员",
          "在管理平台（Admin）管理用户、用户组和权限；在任务平台“发起流程”中维护节假日安排和信用记录；"
              + "在监控平台（Cockpit）查看运行情况和异常。",
          "目前没有待办任务。节假日安排和信用记录请点击“发起流程”维护。",
          List.of(new Link("打开管理平台（Admin）", ADMIN), new Link("打开监控平台（Cockpit）", COCKPIT))));

  /** The guides of the roles among the groups, in the order of {@link Groups#ROLES}. */
  static List<RoleGuide> of(List<String> groupIds) {
    return Groups.ROLES.stream().filter(groupIds::contains).map(BY_ROLE::get).toList();
  }
}
