package org.publicservice.procurement.identity;

import java.util.List;

/** The groups of the engine's identity service: one per role, plus one per purchasing department. */
public final class Groups {

  /** Group type of the role groups. */
  public static final String TYPE_ROLE = "WORKFLOW";
  /** Group type of the purchasing departments; a purchaser belongs to {@link #PURCHASER} and one department. */
  public static final String TYPE_DEPARTMENT = "DEPARTMENT";

  /** 采购人: staff of every purchasing department; may file purchase requests. */
  public static final String PURCHASER = "purchaser";
  /** 南通市民政局. */
  public static final String DEPT_CIVIL_AFFAIRS = "dept-civil-affairs";
  /** 南通市卫生健康委员会. */
  public static final String DEPT_HEALTH = "dept-health";
  /** 南通市教育局. */
  public static final String DEPT_EDUCATION = "dept-education";
  /** 南通市人力资源和社会保障局. */
  public static final String DEPT_HUMAN_RESOURCES = "dept-human-resources";
  /** 财政部门: reviews requests, approves methods, handles complaints. */
  public static final String FINANCE = "finance";
  /** 评审专家: the expert pool panels are drawn from. */
  public static final String EXPERT = "expert";
  /**
   * 承接主体: the registered suppliers that bid and deliver services, of any form of organisation (enterprises,
   * institutions, social organisations, other organisations, natural persons; supplier/SupplierRegistration); each
   * is its own user. The id is historical: the platform first served social organisations only.
   */
  public static final String SOCIAL_ORGANISATION = "social-org";
  /** 第三方评价机构. */
  public static final String EVALUATOR = "evaluator";
  /** 监督: watches deadlines and incidents in Cockpit, receives escalations. */
  public static final String SUPERVISOR = "supervisor";
  /** 流程设计: changes and deploys BPMN, DMN and forms from Desktop Modeler. */
  public static final String DESIGNER = "designer";
  /** 系统管理员 (Camunda's own administrator group). */
  public static final String ADMIN = "camunda-admin";

  public static final List<String> ROLES =
      List.of(PURCHASER, FINANCE, EXPERT, SOCIAL_ORGANISATION, EVALUATOR, SUPERVISOR, DESIGNER, ADMIN);

  private Groups() {
  }
}
