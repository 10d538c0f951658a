package org.publicservice.procurement.demo;

import static org.publicservice.procurement.demo.DemoPurchase.bid;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.award.AwardVariables;
import org.publicservice.procurement.contract.ContractVariables;
import org.publicservice.procurement.evaluation.EvaluationVariables;
import org.publicservice.procurement.performance.PerformanceVariables;
import org.publicservice.procurement.planning.Indicators;
import org.publicservice.procurement.planning.PlanningVariables;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.review.ReviewVariables;
import org.publicservice.procurement.tender.BidContent;
import org.publicservice.procurement.tender.SingleSourceVariables;
import org.publicservice.procurement.tender.TenderVariables;

/**
 * The demo city's year: a dozen purchases of Nantong's departments, each driven through the real procedure as its
 * users work it, from a request filed months ago to the stage it stands at today. Each purchase's dates are counted
 * back from today on the working-day calendar, so that whatever day the demo starts, every stage is represented and
 * every period still open is open: a tender takes bids, a challenge is within its window, the residents' rating is
 * running. The engine clock moves forward through each purchase's past (purchases are seeded one after another)
 * and no step is dated after the present.
 */
final class DemoCity {

  /** The stages the demo city shows, each by at least one purchase. */
  enum Stage {
    FINANCE_REVIEW("待财政部门审核"),
    INTENTION_OPEN("采购意向公开征求意见"),
    TENDER_OPEN("招标中（已收到投标）"),
    RETENDERED("废标后重新招标"),
    SINGLE_SOURCE_OBJECTION("单一来源公示期内有异议"),
    REVIEW_SCORING("评审中（待专家打分）"),
    AWARD_DECISION("评审完成（待确定中标供应商）"),
    CHALLENGE_PENDING("中标后有质疑待答复（暂停签订合同）"),
    CONTRACT_SIGNATURE("合同待供应商签订（质疑已答复，投诉待审查）"),
    MILESTONE_ACCEPTANCE("履约中（阶段成果待验收）"),
    RATINGS_OPEN("绩效评价中（公众评价进行中）"),
    THIRD_PARTY("绩效评价中（待第三方评价）"),
    ARCHIVED("已完成并归档");

    final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  static final String CIVIL_AFFAIRS_REPRESENTATIVE = "minzheng2";
  /** Working days for a challenge to the result after the award notice's period (政府采购法第五十二条). */
  private static final int CHALLENGE_WORKING_DAYS = 7;
  /** Why the one purchase by single source has no other supplier. */
  private static final String UNIQUE_SUPPLIER = "本市仅此一家社会组织具备盲文教学资质和定向行走训练师资，无其他供应商可提供。";

  /** The city's purchases, in the order they were filed. */
  static final List<DemoPurchase> PURCHASES = List.of(
      new DemoPurchase(Stage.ARCHIVED.name(), "minzheng", "崇川区居家养老上门服务", "ELDERLY_CARE",
          "为崇川区1200名失能、半失能及高龄独居老人提供助餐、助洁、助浴和健康巡访等上门服务。",
          "每名老人每月上门服务不少于8次，每次不少于1小时；服务人员持证上岗，服务记录可追溯。",
          List.of("服务对象满意度：90%", "上门服务人次：57600人次"), 4_800_000, "南通市崇川区",
          "2025年对辖区老人入户问卷调查1260户，并召开街道、社区和专家论证会。",
          List.of(bid("org-yangguang", 4_580_000, 0.92), bid("org-xinyu", 4_420_000, 0.85),
              bid("org-huimin", 4_650_000, 0.80), bid("org-anle", 4_390_000, 0.78)), 0, 182),
      new DemoPurchase(Stage.THIRD_PARTY.name(), "jiaoyu", "中小学课后托管与素质拓展服务", "CHILD_AND_YOUTH",
          "为崇川区12所小学约3000名学生提供放学后两小时的托管、作业辅导和素质拓展活动。",
          "每校配备专职辅导员不少于4名，师生比不低于1:25，每周开展素质拓展活动不少于2次。",
          List.of("家长满意度：92%", "参与学生人数：3000人"), 5_600_000, "南通市崇川区",
          "2025年向12所学校家长发放问卷3400份，召开校长座谈会2次。",
          List.of(bid("org-qingchun", 5_380_000, 0.90), bid("org-xinyu", 5_250_000, 0.82),
              bid("org-huimin", 5_460_000, 0.76)), 0, 150),
      new DemoPurchase(Stage.MILESTONE_ACCEPTANCE.name(), "renshe", "就业困难人员职业技能培训服务", "VOCATIONAL_TRAINING",
          "为登记失业的就业困难人员提供养老护理员、家政服务员、电商运营等职业技能培训和就业推荐。",
          "培训课时每期不少于120学时，结业考核合格率不低于85%，培训后6个月内推荐就业。",
          List.of("培训合格率：85%", "培训人数：1500人"), 4_500_000, "南通市",
          "2025年对全市登记失业人员抽样调查820人，并征求用人单位意见。",
          List.of(bid("org-huimin", 4_310_000, 0.88), bid("org-yangguang", 4_270_000, 0.79),
              bid("org-qingchun", 4_400_000, 0.83)), 0, 240),
      new DemoPurchase(Stage.RATINGS_OPEN.name(), "weijian", "家庭医生签约居民健康管理服务", "PUBLIC_HEALTH",
          "为港闸区签约居民中的慢病患者提供健康评估、随访管理、用药指导和健康讲座。",
          "每名签约慢病患者每季度随访不少于1次，健康档案规范建档率不低于95%。",
          List.of("签约居民满意度：90%", "随访服务人次：24000人次"), 4_200_000, "南通市港闸区",
          "2025年在6个社区卫生服务中心开展居民需求调查，有效问卷1500份。",
          List.of(bid("org-anle", 4_050_000, 0.86), bid("org-huimin", 4_120_000, 0.90),
              bid("org-xinyu", 3_990_000, 0.74)), 0, 150),
      new DemoPurchase(Stage.CONTRACT_SIGNATURE.name(), "minzheng2", "困境儿童关爱保护服务", "CHILD_AND_YOUTH",
          "为全市860名困境儿童提供家庭探访、心理疏导、学业辅导和监护指导，建立一人一档。",
          "每名儿童每月探访不少于1次，高风险个案24小时内响应，个案档案完整率100%。",
          List.of("监护人满意度：90%", "探访服务人次：10320人次"), 4_300_000, "南通市",
          "2026年会同教育、妇联部门摸排困境儿童家庭并召开专家论证会。",
          List.of(bid("org-xinyu", 4_150_000, 0.91), bid("org-qingchun", 4_080_000, 0.80),
              bid("org-yangguang", 4_220_000, 0.77)), 0, 365),
      new DemoPurchase(Stage.CHALLENGE_PENDING.name(), "weijian", "严重精神障碍患者社区康复服务", "PUBLIC_HEALTH",
          "为在册严重精神障碍患者提供社区康复训练、服药管理、家属支持和危机干预。",
          "每名患者每月康复服务不少于4次，危机事件30分钟内到场，服药依从率不低于80%。",
          List.of("患者家属满意度：88%", "康复服务人次：19200人次"), 4_100_000, "南通市",
          "2026年对在册患者家庭开展需求评估，有效样本400户。",
          List.of(bid("org-huimin", 3_960_000, 0.89), bid("org-xinyu", 3_900_000, 0.84),
              bid("org-anle", 4_020_000, 0.72)), 0, 365),
      new DemoPurchase(Stage.AWARD_DECISION.name(), "renshe", "高校毕业生就业见习指导服务", "VOCATIONAL_TRAINING",
          "为离校未就业高校毕业生提供就业见习岗位对接、职业指导、求职技能培训和见习期跟踪服务。",
          "每名见习人员配备职业指导师，见习期不少于3个月，每月跟踪回访不少于1次。",
          List.of("见习人员满意度：90%", "见习人数：1200人"), 4_350_000, "南通市",
          "2026年对全市离校未就业高校毕业生开展就业意向调查，有效问卷1800份，并走访见习单位40家。",
          List.of(bid("org-yangguang", 4_190_000, 0.87), bid("org-huimin", 4_240_000, 0.84),
              bid("org-anle", 4_120_000, 0.79)), 0, 365),
      new DemoPurchase(Stage.REVIEW_SCORING.name(), "minzheng", "社区社会组织孵化培育服务", "COMMUNITY_SERVICE",
          "在10个街道建设社区社会组织孵化基地，提供能力建设、项目督导和资源对接。",
          "每个街道培育社区社会组织不少于5家，每季度开展能力建设培训不少于2次。",
          List.of("培育社会组织数：50家", "培训场次：80场"), 4_400_000, "南通市",
          "2026年对10个街道开展调研访谈，召开社区座谈会12场。",
          List.of(bid("org-xinyu", 4_210_000, 0.87), bid("org-qingchun", 4_300_000, 0.85),
              bid("org-yangguang", 4_150_000, 0.81), bid("org-huimin", 4_350_000, 0.78)), 0, 365),
      new DemoPurchase(Stage.TENDER_OPEN.name(), "jiaoyu", "青少年心理健康辅导服务", "CHILD_AND_YOUTH",
          "为全市中学提供心理健康筛查、个体辅导、团体辅导和家长课堂。",
          "每校每学期开展团体辅导不少于6次，高危个案48小时内转介，辅导记录保密存档。",
          List.of("学生满意度：90%", "辅导服务人次：8000人次"), 4_050_000, "南通市",
          "2026年对全市中学生开展心理健康需求抽样调查2100人。",
          List.of(bid("org-qingchun", 3_880_000, 0.88), bid("org-xinyu", 3_950_000, 0.86),
              bid("org-huimin", 4_010_000, 0.80)), 0, 365),
      new DemoPurchase(Stage.RETENDERED.name(), "minzheng", "残疾人居家托养服务", "DISABILITY_SUPPORT",
          "为重度残疾人提供居家托养照护、康复训练和辅具适配服务。",
          "每名托养对象每周上门服务不少于3次，每次不少于2小时，照护人员持证上岗。",
          List.of("服务对象满意度：90%", "托养服务人次：31200人次"), 4_250_000, "南通市",
          "2026年会同残联对全市重度残疾人家庭逐户走访评估。",
          List.of(bid("org-anle", 4_100_000, 0.83), bid("org-yangguang", 4_180_000, 0.81),
              bid("org-huimin", 4_060_000, 0.80)), 0, 365),
      new DemoPurchase(Stage.SINGLE_SOURCE_OBJECTION.name(), "minzheng", "视障人士盲文阅读与定向行走训练服务", "DISABILITY_SUPPORT",
          "为全市120名视障人士提供盲文阅读教学和定向行走训练。",
          "每名学员每月训练不少于8课时，教师持盲文教学资质证书。",
          List.of("学员满意度：90%", "训练课时：11520课时"), 620_000, "南通市",
          "2026年会同市盲人协会走访视障人士家庭并召开座谈会。",
          List.of(bid("org-huimin", 598_000, 0.9)), 0, 365),
      new DemoPurchase(Stage.INTENTION_OPEN.name(), "weijian", "老年人健康体检与慢病随访服务", "PUBLIC_HEALTH",
          "为全市65岁以上老年人提供年度健康体检、慢病筛查和随访管理。",
          "体检项目符合国家基本公共卫生服务规范，体检报告7日内反馈，异常结果48小时内告知。",
          List.of("老年人满意度：90%", "体检人数：60000人"), 4_600_000, "南通市",
          "2026年在各区开展老年人健康需求问卷调查，有效问卷3200份。",
          List.of(), 0, 365),
      new DemoPurchase(Stage.FINANCE_REVIEW.name(), "renshe", "农村劳动力转移就业培训服务", "VOCATIONAL_TRAINING",
          "为农村转移劳动力提供电工、焊工、家政等职业技能培训和就业对接。",
          "每期培训不少于80学时，结业考核合格率不低于80%。",
          List.of("培训合格率：80%", "培训人数：900人"), 3_200_000, "南通市海门区",
          "2026年对各乡镇农村劳动力转移就业意愿开展调查，有效问卷1100份。",
          List.of(), 0, 365));

  private final DemoDesk desk;
  private final DemoServices services;
  /** Today, when the seeding started: no step is dated on or after it. */
  private final LocalDate today;
  private final Instant cutoff;

  DemoCity(DemoDesk desk, DemoServices services, LocalDate today) {
    this.desk = desk;
    this.services = services;
    this.today = today;
    this.cutoff = DemoDesk.at(today, 0, 0);
  }

  /** Drives the purchase from its request to its stage; returns its project number. */
  String seed(DemoPurchase purchase) {
    Stage stage = Stage.valueOf(purchase.stage());
    return switch (stage) {
      case FINANCE_REVIEW -> file(purchase, back(today.minusDays(1)), null);
      case INTENTION_OPEN -> intention(purchase);
      case SINGLE_SOURCE_OBJECTION -> singleSource(purchase);
      case RETENDERED -> retendered(purchase);
      default -> new Tender(purchase, stage).run();
    };
  }

  // --- the calendar ------------------------------------------------------------------------------------------

  /** The working day on or before {@code day}. */
  private LocalDate back(LocalDate day) {
    LocalDate d = day;
    while (!services.workingDays().isWorkingDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  /** The working day on or after {@code day}. */
  private LocalDate forward(LocalDate day) {
    LocalDate d = day;
    while (!services.workingDays().isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** {@code count} working days before {@code day}. */
  private LocalDate workingDaysBefore(LocalDate day, int count) {
    LocalDate d = day;
    for (int i = 0; i < count; i++) {
      d = back(d.minusDays(1));
    }
    return d;
  }

  private LocalDate workingDaysAfter(LocalDate day, int count) {
    return services.workingDays().addWorkingDays(day, count);
  }

  /** Moves the project's clock to this moment, which must lie before today; what its users do then. */
  private Moment at(String project, LocalDate day, int hour, int minute) {
    Instant moment = DemoDesk.at(day, hour, minute);
    if (!moment.isBefore(cutoff)) {
      throw new IllegalStateException("Demo step of " + project + " dated " + moment + ", not before today");
    }
    desk.advanceTo(project, moment);
    return new Moment(project);
  }

  /** What the project's users do at one moment of its past, one method per kind of action. */
  private final class Moment {

    private final String project;

    private Moment(String project) {
      this.project = project;
    }

    /** The user completes the project's open task of that key, as in Tasklist. */
    void complete(String user, String taskKey, Map<String, Object> form) {
      desk.complete(user, project, taskKey, form);
    }

    /** Each member of the panel submits their own task of that key, the {@code member}-th (by assignee) its form. */
    void eachMember(String taskKey, IntFunction<Map<String, Object>> form) {
      List<Task> tasks = desk.tasks(project, taskKey);
      for (int member = 0; member < tasks.size(); member++) {
        desk.submitAs(tasks.get(member).getAssignee(), tasks.get(member), form.apply(member));
      }
      desk.settle(project);
    }

    /** Every member of the panel submits their own task of that key with the same form. */
    void everyMember(String taskKey, Map<String, Object> form) {
      eachMember(taskKey, member -> form);
    }

    /** Someone acts outside Tasklist (a challenge, a complaint, an objection); then what it started runs. */
    void outside(Runnable action) {
      action.run();
      desk.settle(project);
    }
  }

  // --- planning ----------------------------------------------------------------------------------------------

  /** The request, filed on {@code day}; approved by finance on the next working day unless {@code approve} is null. */
  private String file(DemoPurchase purchase, LocalDate day, LocalDate approve) {
    LocalDate serviceStart = day.plusDays(90);
    return file(purchase, day, approve, serviceStart, serviceStart.plusDays(purchase.serviceDays() - 1));
  }

  private String file(DemoPurchase purchase, LocalDate day, LocalDate approve, LocalDate serviceStart,
      LocalDate serviceEnd) {
    desk.startAt(DemoDesk.at(day, 9, 30));
    VariableMap request = Variables.createVariables()
        .putValue(PlanningVariables.SERVICE_NAME, purchase.serviceName())
        .putValue(PlanningVariables.SERVICE_CATEGORY, purchase.category())
        .putValue(PlanningVariables.SERVICE_DESCRIPTION, purchase.description())
        .putValue(PlanningVariables.SERVICE_STANDARDS, purchase.standards())
        .putValueTyped(PlanningVariables.INDICATORS, table(purchase.indicators().stream().map(indicator -> Map.<String,
            Object>of(Indicators.NAME, name(indicator), Indicators.TARGET, indicator.substring(indicator.indexOf('：') + 1)))
            .toList()))
        .putValue(PlanningVariables.BUDGET, purchase.budget())
        .putValue(PlanningVariables.SERVICE_PERIOD_START, serviceStart.toString())
        .putValue(PlanningVariables.SERVICE_PERIOD_END, serviceEnd.toString())
        .putValue(PlanningVariables.REGION, purchase.region())
        .putValue(PlanningVariables.SERVES_PUBLIC, true)
        .putValue(PlanningVariables.NEEDS_ASSESSMENT, purchase.needsAssessment())
        .putValue(PlanningVariables.SURVEY_RESPONDENTS, 300)
        .putValue(PlanningVariables.SINGLE_SOURCE_GROUND, "NONE");
    if (purchase.bidders().size() == 1) {
      request.putValue(PlanningVariables.SINGLE_SOURCE_GROUND, "UNIQUE_SUPPLIER")
          .putValue(PlanningVariables.SINGLE_SOURCE_JUSTIFICATION, UNIQUE_SUPPLIER);
    }
    String project = desk.file(purchase.purchaser(), request);
    if (approve != null) {
      at(project, approve, 10, 0).complete("caizheng", "Task_ReviewRequest", Variables.createVariables()
          .putValue(PlanningVariables.REVIEW_DECISION, PlanningVariables.DECISION_APPROVE)
          .putValue(PlanningVariables.REVIEW_COMMENT, "需求论证充分，预算测算合理，同意按拟定方式采购。"));
    }
    return project;
  }

  private String intention(DemoPurchase purchase) {
    LocalDate filed = back(today.minusDays(6));
    String project = file(purchase, filed, workingDaysAfter(filed, 1));
    at(project, back(today.minusDays(1)), 15, 20);
    services.comments().receive(project, "钱先生",
        "建议体检地点覆盖到各乡镇卫生院，方便行动不便的老人就近参加；体检结果最好能送到家。", null,
        services.comments().clientKey("demo-city"));
    return project;
  }

  // --- single source -----------------------------------------------------------------------------------------

  private String singleSource(DemoPurchase purchase) {
    LocalDate filed = back(today.minusDays(40));
    String project = file(purchase, filed, workingDaysAfter(filed, 1));
    DemoPurchase.Bid supplier = purchase.bidders().get(0);
    at(project, workingDaysBefore(today, 3), 10, 0).complete(purchase.purchaser(), "Task_PrepareNotice",
        Variables.createVariables()
        .putValue(SingleSourceVariables.SUPPLIER, supplier.organisation())
        .putValue(SingleSourceVariables.SUPPLIER_QUALIFICATIONS,
            "民政部门登记的社会服务机构，设视障服务部，持有盲文教学资质证书，定向行走训练师5名。")
        .putValue(PlanningVariables.SINGLE_SOURCE_JUSTIFICATION, UNIQUE_SUPPLIER)
        .putValue(SingleSourceVariables.PROPOSED_PRICE, supplier.price()));
    at(project, back(today.minusDays(1)), 11, 0).outside(() -> desk.startForm("org-qingchun",
        SingleSourceVariables.OBJECTION_PROCESS_KEY, Variables.createVariables()
            .putValue(SingleSourceVariables.OBJECTION_PROJECT_NUMBER, project)
            .putValue(SingleSourceVariables.OBJECTION_GROUNDS,
                "本协会2026年已聘用持证盲文教师2名，同样可以提供该项服务，请求改为竞争性方式采购。")));
    return project;
  }

  // --- a failed tender tendered again ------------------------------------------------------------------------

  private String retendered(DemoPurchase purchase) {
    LocalDate firstDeadline = back(today.minusDays(12));
    LocalDate documents = back(firstDeadline.minusDays(26));
    LocalDate approved = back(documents.minusDays(31));
    String project = file(purchase, back(approved.minusDays(1)), approved);
    Tender tender = new Tender(purchase, Stage.RETENDERED);
    tender.project = project;
    tender.issueDocuments(documents, firstDeadline);
    tender.bid(purchase.bidders().get(0), forward(documents.plusDays(4)), 10);
    tender.bid(purchase.bidders().get(1), forward(documents.plusDays(9)), 15);
    at(project, firstDeadline, 9, 40);
    LocalDate decided = workingDaysAfter(firstDeadline, 1);
    at(project, decided, 10, 0).complete(purchase.purchaser(), "Task_DecideAfterFailedTender",
        Variables.createVariables()
        .putValue(TenderVariables.FAILED_TENDER_DECISION, TenderVariables.RE_TENDER)
        .putValue(TenderVariables.DECISION_REASON, "投标人不足三家，采购需求和预算合理，依法重新组织招标。"));
    LocalDate secondDocuments = workingDaysAfter(decided, 1);
    tender.issueDocuments(secondDocuments, forward(secondDocuments.plusDays(25)));
    tender.bid(purchase.bidders().get(2), back(today.minusDays(1)), 14);
    return project;
  }

  // --- tenders -------------------------------------------------------------------------------------------------

  /** An open tender driven from the request to {@code target}. */
  private final class Tender {

    final DemoPurchase purchase;
    /** The department's user who files the request and does the department's part. */
    final String purchaser;
    final Stage target;
    String project;
    /** The panel's ranking, best first, as the award stage offered it. */
    List<String> ranking = List.of();

    Tender(DemoPurchase purchase, Stage target) {
      this.purchase = purchase;
      this.purchaser = purchase.purchaser();
      this.target = target;
    }

    Moment at(LocalDate day, int hour, int minute) {
      return DemoCity.this.at(project, day, hour, minute);
    }

    String run() {
      // the dates that put the purchase at its stage today, counted back on the working-day calendar
      LocalDate deadline;
      LocalDate serviceStart = null;
      LocalDate serviceEnd = null;
      LocalDate evaluationOpens = null;
      switch (target) {
        case TENDER_OPEN -> deadline = forward(today.plusDays(17));
        case REVIEW_SCORING -> deadline = back(today.minusDays(1));
        case AWARD_DECISION -> deadline = workingDaysBefore(today, 3);
        case CHALLENGE_PENDING -> deadline = workingDaysBefore(workingDaysBefore(today, 3), 2);
        case CONTRACT_SIGNATURE -> deadline = workingDaysBefore(workingDaysBefore(today, 11), 2);
        case MILESTONE_ACCEPTANCE -> {
          serviceStart = today.plusDays(2).minusDays(purchase.serviceDays() / 2);
          serviceEnd = serviceStart.plusDays(purchase.serviceDays() - 1);
          deadline = back(serviceStart.minusDays(32));
        }
        case RATINGS_OPEN, THIRD_PARTY, ARCHIVED -> {
          evaluationOpens = workingDaysBefore(today, switch (target) {
            case RATINGS_OPEN -> 4;
            case THIRD_PARTY -> 13;
            default -> 30;
          });
          // the evaluation stage opens only once the service period is over (it judges the whole period)
          serviceEnd = evaluationOpens.minusDays(1);
          serviceStart = serviceEnd.minusDays(purchase.serviceDays() - 1);
          deadline = back(serviceStart.minusDays(32));
        }
        default -> throw new IllegalArgumentException("not a tender stage: " + target);
      }
      LocalDate documents = back(deadline.minusDays(26));
      LocalDate approved = back(documents.minusDays(31));
      LocalDate filed = back(approved.minusDays(1));
      if (serviceStart == null) {
        serviceStart = filed.plusDays(90);
        serviceEnd = serviceStart.plusDays(purchase.serviceDays() - 1);
      }
      project = file(purchase, filed, approved, serviceStart, serviceEnd);
      issueDocuments(documents, deadline);
      int hour = 9;
      for (int i = 0; i < purchase.bidders().size(); i++) {
        LocalDate day = forward(documents.plusDays(2 + 2 * i));
        if (target == Stage.TENDER_OPEN && !day.isBefore(today)) {
          break;
        }
        bid(purchase.bidders().get(i), day, hour + i);
      }
      if (target == Stage.TENDER_OPEN) {
        return project;
      }
      review(deadline);
      if (target == Stage.REVIEW_SCORING) {
        return project;
      }
      LocalDate scored = workingDaysAfter(deadline, 1);
      score(scored);
      if (target == Stage.AWARD_DECISION) {
        return project;
      }
      LocalDate awarded = workingDaysAfter(scored, 1);
      chooseWinner(awarded);
      if (target == Stage.CHALLENGE_PENDING) {
        at(back(today.minusDays(1)), 11, 0).outside(() -> services.challenges().file(project, rankedBidder(2),
            "中标人的服务方案中专职康复师人数少于招标文件要求的8名，其服务方案得分偏高，请求复核评审结果。"));
        return project;
      }
      // the contract stage runs from the 中标通知书; the department drafts once the 1 working day of the award notice
      // and the 7 working days for challenges to the result have passed (94号令第十条): the award stands
      LocalDate drafted = workingDaysAfter(awarded, 1 + CHALLENGE_WORKING_DAYS + 1);
      if (target == Stage.CONTRACT_SIGNATURE) {
        challengeAnsweredThenComplaint(awarded, drafted);
      }
      Moment drafting = at(drafted, 10, 0);
      String contractor = (String) desk.variable(project, ContractVariables.PROCESS_KEY, ContractVariables.CONTRACTOR);
      long amount = ((Number) desk.variable(project, ContractVariables.PROCESS_KEY, ContractVariables.CONTRACTOR_PRICE))
          .longValue();
      LocalDate[] milestones = {serviceStart.plusDays(purchase.serviceDays() / 2), serviceEnd};
      long first = amount * 4 / 10;
      long second = amount * 3 / 10;
      drafting.complete(purchaser, "Task_DraftContract", Variables.createVariables()
          .putValue(ContractVariables.CONTRACT_AMOUNT, amount)
          .putValue(ContractVariables.PERFORMANCE_BOND, amount / 20)
          .putValue(ContractVariables.CONTRACT_PERIOD_START, serviceStart.toString())
          .putValue(ContractVariables.CONTRACT_PERIOD_END, serviceEnd.toString())
          .putValueTyped(ContractVariables.PAYMENT_SCHEDULE, table(List.of(
              instalment("第一阶段验收", first, milestones[0]), instalment("第二阶段验收", second, milestones[1]),
              instalment("绩效评价后尾款", amount - first - second, serviceEnd.plusDays(60)))))
          .putValue(ContractVariables.CONTRACT_TERMS, "服务人员变动须提前10日书面告知采购人；服务记录按月报送。"));
      if (target == Stage.CONTRACT_SIGNATURE) {
        return project;
      }
      at(drafted, 15, 0).complete(contractor, "Task_SignContract", Variables.createVariables()
          .putValue(ContractVariables.CONTRACTOR_DECISION, ContractVariables.SIGN)
          .putValue(ContractVariables.PERFORMANCE_BOND_FORM, "BANK_GUARANTEE")
          .putValue(ContractVariables.PERFORMANCE_BOND_REFERENCE, "BH-" + project + "-履约"));
      LocalDate countersigned = workingDaysAfter(drafted, 1);
      at(countersigned, 10, 0).complete(purchaser, "Task_CountersignContract", Variables.createVariables()
          .putValue(ContractVariables.DEPARTMENT_SIGNS, true));
      LocalDate published = workingDaysAfter(countersigned, 1);
      at(published, 10, 0).complete(purchaser, "Task_PublishContract", Variables.createVariables());
      at(published, 15, 0).complete(purchaser, "Task_FileContract", Variables.createVariables()
          .putValue(ContractVariables.FILING_REFERENCE, "通财购备〔" + published.getYear() + "〕"
              + project.substring(project.length() - 4) + "号"));
      // performance: each phase reported by the organisation and accepted with the service recipients
      for (int m = 0; m < milestones.length; m++) {
        LocalDate reported = back(milestones[m].minusDays(3));
        if (m == milestones.length - 1 && evaluationOpens != null) {
          reported = workingDaysBefore(evaluationOpens, 2);
        }
        at(reported, 10, 0).complete(contractor, "Task_SubmitProgressReport", Variables.createVariables()
            .putValue(PerformanceVariables.PROGRESS_REPORT, "本阶段按合同完成各项服务，服务记录、签到表和回访记录已归档备查。")
            .putValueTyped(PerformanceVariables.INDICATOR_RESULTS, reachedValues(m + 1, milestones.length)));
        if (target == Stage.MILESTONE_ACCEPTANCE) {
          return project;
        }
        LocalDate accepted = m == milestones.length - 1 ? evaluationOpens : workingDaysAfter(reported, 2);
        at(accepted, 15, 0).complete(purchaser, "Task_AcceptMilestone", Variables.createVariables()
            .putValue(PerformanceVariables.ACCEPTANCE_DECISION, PerformanceVariables.ACCEPT)
            .putValue(PerformanceVariables.RECIPIENT_PARTICIPANTS, "服务对象代表" + (8 + m * 4) + "人、社区工作人员2人")
            .putValue(PerformanceVariables.RECIPIENT_SATISFACTION, 88 + 3 * m));
      }
      // evaluation: codes for the recipients, their ratings, the organisation's own view, the third party
      LocalDate handedOut = workingDaysAfter(evaluationOpens, 1);
      Moment handingOut = at(handedOut, 10, 0);
      Task handOut = desk.tasks(project, "Task_HandOutRatingCodes").get(0);
      List<String> codes = List.of(((String) desk.taskVariable(handOut, EvaluationVariables.RATING_CODES)).split("\n"));
      handingOut.complete(purchaser, "Task_HandOutRatingCodes", Variables.createVariables()
          .putValue(EvaluationVariables.RATING_CODES_HANDED_OUT, true));
      LocalDate rated = workingDaysAfter(handedOut, 1);
      String[] remarks = {"服务人员很耐心，每次都按时上门。", null, "希望明年继续提供这项服务。", null, null};
      for (int r = 0; r < remarks.length; r++) {
        at(rated, 9 + r, 15);
        Map<Integer, Integer> stars = new LinkedHashMap<>();
        for (int i = 1; i <= purchase.indicators().size(); i++) {
          stars.put(i, r == 3 ? 4 : 5 - (i + r) % 2);
        }
        services.ratings().rateWithCode(project, codes.get(r), stars, remarks[r]);
      }
      if (target == Stage.RATINGS_OPEN) {
        return project;
      }
      at(workingDaysAfter(evaluationOpens, 2), 16, 0).complete(contractor, "Task_SelfEvaluation",
          Variables.createVariables()
              .putValue(EvaluationVariables.SELF_REPORT, "全年按合同完成各项服务，建立了完整的服务档案，服务对象满意度持续提高。")
              .putValueTyped(EvaluationVariables.SELF_EVALUATION, table(purchase.indicators().stream()
                  .map(indicator -> Map.<String, Object>of(EvaluationVariables.SELF_VALUE, reached(indicator, 1.02),
                      EvaluationVariables.SELF_SCORE, 92.0))
                  .toList())));
      Instant ratingsClose = desk.timer(project, "Timer_RatingWindowEnds").orElseThrow();
      LocalDate scoredByThirdParty = workingDaysAfter(ratingsClose.atZone(
          org.publicservice.procurement.purchase.ProcurementTime.ZONE).toLocalDate(), 2);
      if (target == Stage.THIRD_PARTY) {
        at(back(today.minusDays(1)), 8, 0);
        return project;
      }
      at(scoredByThirdParty, 10, 0).complete("pingjia", "Task_ThirdPartyEvaluation", Variables.createVariables()
          .putValue(EvaluationVariables.THIRD_PARTY_REPORT, "经入户抽查服务对象120户、查阅服务记录和财务凭证，评价如下。")
          .putValueTyped(EvaluationVariables.THIRD_PARTY_SCORES, column(EvaluationVariables.THIRD_PARTY_SCORE,
              IntStream.rangeClosed(1, purchase.indicators().size()).mapToObj(i -> 93.0 - i).toList())));
      return project;
    }

    void issueDocuments(LocalDate day, LocalDate deadline) {
      at(day, 10, 0).complete(purchaser, "Task_PrepareDocuments", Variables.createVariables()
          .putValue(TenderVariables.QUALIFICATION_REQUIREMENTS,
              "依法登记的社会组织，具有独立承担民事责任的能力；近三年无重大违法记录；具有同类服务经验。")
          .putValue(TenderVariables.EVALUATION_METHOD, TenderVariables.COMPREHENSIVE)
          .putValue(TenderVariables.PRICE_WEIGHT, 30L)
          .putValueTyped(TenderVariables.EVALUATION_CRITERIA, table(List.of(criterion("服务方案", 40),
              criterion("项目团队", 20), criterion("同类服务业绩", 10))))
          .putValue(TenderVariables.BID_DEADLINE_DATE, deadline.toString())
          .putValue(TenderVariables.BID_DEADLINE_TIME, "09:30")
          .putValue(TenderVariables.CLARIFICATION_DEADLINE_DATE, back(deadline.minusDays(10)).toString())
          .putValue(TenderVariables.BID_BOND, purchase.budget() / 100));
    }

    void bid(DemoPurchase.Bid bid, LocalDate day, int hour) {
      at(day, hour, 20);
      services.bidBox().submit(project, bid.organisation(), new BidContent(BigDecimal.valueOf(bid.price()),
          "按" + purchase.region() + "的服务网格分片包干，设项目负责人1名、督导2名，建立服务台账和月度回访制度；"
              + "服务质量不达标的，七日内整改并报采购人。",
          "项目负责人1名（中级社工师），社工" + (6 + hour % 3) + "名，专职服务人员" + (18 + hour % 5) + "名。",
          "民办非企业单位登记证书；近三年无重大违法记录声明；社会保险缴纳证明；同类服务合同3份。"));
    }

    /**
     * The opening at the deadline, the credit check, the qualification review, the experts' declarations and the
     * panel's compliance review.
     */
    void review(LocalDate deadline) {
      Moment opening = at(deadline, 10, 30);
      int bids = JsonValues.rows(desk.taskVariable(desk.tasks(project, "Task_ReviewQualification").get(0),
          ReviewVariables.QUALIFICATION_SHEET)).size();
      VariableMap qualification = Variables.createVariables().putValueTyped(ReviewVariables.QUALIFICATION_SHEET,
          column(ReviewVariables.QUALIFICATION, Collections.nCopies(bids, ReviewVariables.PASS)));
      if ("minzheng".equals(purchaser)) {
        qualification.putValue(ReviewVariables.REPRESENTATIVE, CIVIL_AFFAIRS_REPRESENTATIVE);
      }
      opening.complete(purchaser, "Task_ReviewQualification", qualification);
      at(deadline, 14, 0).everyMember("Task_DeclareConflict", Variables.createVariables()
          .putValue(ReviewVariables.CONFLICT_DECLARATION, ReviewVariables.NO_CONFLICT));
      // the panel's compliance review, recorded by its chair: every qualified bid responds to the documents
      at(deadline, 16, 0).everyMember("Task_ReviewCompliance", Variables.createVariables()
          .putValue(ReviewVariables.COMPLIANCE_OUTCOME, ReviewVariables.COMPLIANT));
    }

    /** Every member scores every qualified bid by its quality; then every member signs the report. */
    void score(LocalDate day) {
      Moment scoring = at(day, 10, 0);
      List<Map<String, Object>> criteria = JsonValues.rows(
          desk.variable(project, ReviewVariables.PROCESS_KEY, ReviewVariables.EVALUATION_CRITERIA));
      List<Map<String, Object>> qualified = JsonValues.rows(
          desk.variable(project, ReviewVariables.PROCESS_KEY, ReviewVariables.QUALIFIED_BIDS));
      scoring.eachMember("Task_ScoreBids", member -> {
        List<Map<String, Object>> sheet = new ArrayList<>();
        for (int b = 0; b < qualified.size(); b++) {
          List<Map<String, Object>> scores = new ArrayList<>();
          double quality = quality(qualified.get(b).get("bidder").toString());
          for (int c = 0; c < criteria.size(); c++) {
            double max = ((Number) criteria.get(c).get("maxScore")).doubleValue();
            double score = Math.min(max, Math.round(max * (quality - 0.03 * ((member + c) % 3 - 1)) * 2) / 2.0);
            scores.add(Map.of(ReviewVariables.SCORE, score));
          }
          sheet.add(Map.of(ReviewVariables.SHEET_SCORES, scores));
        }
        return Variables.createVariables().putValueTyped(ReviewVariables.SCORE_SHEET, table(sheet));
      });
      at(day, 15, 0).everyMember("Task_ConfirmReport", Variables.createVariables()
          .putValue(ReviewVariables.REPORT_AGREEMENT, ReviewVariables.AGREE));
    }

    void chooseWinner(LocalDate day) {
      Moment choosing = at(day, 10, 0);
      // read while the award stage runs: it ends with the notice, and the contract stage starts the same day
      ranking = JsonValues.rows(desk.variable(project, AwardVariables.STAGE_PROCESS_KEY, AwardVariables.RANKING))
          .stream().map(row -> row.get("bidder").toString()).toList();
      choosing.complete(purchaser, "Task_ChooseWinner", Variables.createVariables()
          .putValue(AwardVariables.CHOSEN_BIDDER,
              desk.variable(project, AwardVariables.STAGE_PROCESS_KEY, AwardVariables.FIRST_CANDIDATE)));
    }

    /**
     * The remedies as a supplier meets them: the no. 2 challenges the result, which holds the signing; the department
     * rejects the challenge two working days later, and the signing period grows by the days held; not satisfied, the
     * no. 2 complains to the finance bureau, which has the complaint to examine.
     */
    void challengeAnsweredThenComplaint(LocalDate awarded, LocalDate drafted) {
      String second = rankedBidder(2);
      LocalDate challenged = workingDaysAfter(awarded, 2);
      at(challenged, 10, 0).outside(() -> services.challenges().file(project, second,
          "中标供应商投标文件中的个案督导人员仅2名，少于招标文件要求的3名，其项目团队得分不应高于我单位，请求复核评审结果。"));
      at(workingDaysAfter(challenged, 2), 16, 0).complete(purchaser, "Task_ReplyToChallenge",
          Variables.createVariables()
          .putValue(AwardVariables.CHALLENGE_DECISION, AwardVariables.REJECTED)
          .putValue(AwardVariables.CHALLENGE_REPLY, "经核查投标文件第35页至第38页，中标供应商配备个案督导3名，"
              + "均持中级社会工作者证书，符合招标文件要求，评审委员会评分无误。质疑不成立。"));
      at(drafted, 9, 0).outside(() -> services.complaints().file(project, second,
          "采购单位的答复未说明第三名督导人员的社会保险缴纳情况，我单位认为其并非中标供应商的在职人员，请求财政部门认定评审结果无效。"));
    }

    String rankedBidder(int rank) {
      return ranking.get(rank - 1);
    }

    private double quality(String organisation) {
      return purchase.bidders().stream().filter(b -> b.organisation().equals(organisation)).findFirst()
          .map(DemoPurchase.Bid::quality).orElse(0.75);
    }

    /** The indicators' values at the end of phase {@code phase} of {@code phases}: "服务对象满意度：91%". */
    private TypedValue reachedValues(int phase, int phases) {
      return column(PerformanceVariables.REACHED, purchase.indicators().stream()
          .map(indicator -> reached(indicator, (double) phase / phases * 1.02)).toList());
    }
  }

  /** A table (dynamic list) as Tasklist submits it: one JSON list of rows. */
  static TypedValue table(List<? extends Map<String, ?>> rows) {
    return SpinValues.jsonValue(JsonValues.toJson(rows)).create();
  }

  /** A table of one column: a row per value. */
  private static TypedValue column(String name, List<?> values) {
    return table(values.stream().map(value -> Map.of(name, value)).toList());
  }

  private static String name(String indicator) {
    return indicator.substring(0, indicator.indexOf('：'));
  }

  private static Map<String, Object> criterion(String name, int maxScore) {
    return Map.of(TenderVariables.CRITERION_NAME, name, TenderVariables.CRITERION_MAX_SCORE, maxScore);
  }

  private static Map<String, Object> instalment(String name, long amount, LocalDate due) {
    return Map.of(ContractVariables.INSTALMENT_NAME, name, ContractVariables.INSTALMENT_AMOUNT, amount,
        ContractVariables.INSTALMENT_DUE_DATE, due.toString());
  }

  /**
   * A value reached for an indicator "名称：目标": a percentage a little above its target, a count the share
   * {@code share} of its target, with the target's unit.
   */
  static String reached(String indicator, double share) {
    String target = indicator.substring(indicator.indexOf('：') + 1);
    java.util.regex.Matcher number = java.util.regex.Pattern.compile("^([0-9]+)(.*)$").matcher(target);
    if (!number.matches()) {
      return target;
    }
    long value = Long.parseLong(number.group(1));
    String unit = number.group(2);
    if ("%".equals(unit)) {
      return Math.min(100, value + 2) + "%";
    }
    return Math.round(value * share) + unit;
  }
}
