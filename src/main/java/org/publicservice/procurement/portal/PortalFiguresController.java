package org.publicservice.procurement.portal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.publicservice.procurement.award.AwardDecisions;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.evaluation.Grade;
import org.publicservice.procurement.portal.BarChart.Value;
import org.publicservice.procurement.portal.PublicOrganisations.Organisation;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The portal's pages about the purchases as a whole: the social organisations and the statistics. */
@Controller
@PortalPage
public class PortalFiguresController {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  private final PublicOrganisations organisations;
  private final PortalStatistics statistics;
  private final OrganisationCredit credit;
  private final AwardDecisions decisions;

  public PortalFiguresController(PublicOrganisations organisations, PortalStatistics statistics,
      OrganisationCredit credit, AwardDecisions decisions) {
    this.organisations = organisations;
    this.statistics = statistics;
    this.credit = credit;
    this.decisions = decisions;
  }

  /** One line of an organisation's record: a notice with, for evaluations, the grade it states, for awards its status. */
  public record Entry(PortalViews.NoticeView notice, String grade) {
  }

  /** An organisation in the list, with how many contract notices name it. */
  public record Listed(Organisation organisation, int contracts) {
  }

  @GetMapping("/portal/organisations")
  public String organisations(Model model) {
    model.addAttribute("organisations", organisations.all().stream()
        .map(o -> new Listed(o, organisations.noticesNaming(o, List.of(NoticeType.CONTRACT)).size()))
        .toList());
    return "portal/organisations";
  }

  @GetMapping("/portal/organisations/{id}")
  public String organisation(@PathVariable String id, Model model) {
    Organisation organisation = organisations.find(id)
        .orElseThrow(() -> PortalRequestException.notFound("没有找到这个承接主体，请核对地址。"));
    model.addAttribute("organisation", organisation);
    model.addAttribute("awards", awards(organisation));
    model.addAttribute("contracts", entries(organisations.noticesNaming(organisation, List.of(NoticeType.CONTRACT))));
    List<Entry> evaluations = organisations.noticesNaming(organisation, List.of(NoticeType.EVALUATION_RESULT))
        .stream().map(n -> new Entry(PortalViews.notice(n), PublicOrganisations.gradeIn(n).orElse("未载明"))).toList();
    model.addAttribute("evaluations", evaluations);
    model.addAttribute("creditRecords", credit.recordsOf(organisation));
    return "portal/organisation";
  }

  /**
   * The award notices that made the organisation winner, each with what became of that award: a notice of a later
   * award that replaced it names the organisation too, but is not its award. Notices without a recorded decision
   * (a single source's result) count when they name the organisation.
   */
  private List<Entry> awards(Organisation organisation) {
    return organisations.noticesNaming(organisation, List.of(NoticeType.AWARD_NOTICE)).stream()
        .flatMap(notice -> decisions.byNotice(notice.id())
            .map(decision -> decision.winner().equals(organisation.id())
                ? java.util.stream.Stream.of(new Entry(PortalViews.notice(notice), awardStatus(decision)))
                : java.util.stream.Stream.<Entry>empty())
            .orElseGet(() -> java.util.stream.Stream.of(new Entry(PortalViews.notice(notice), null))))
        .toList();
  }

  private static String awardStatus(AwardDecisions.Decision decision) {
    return AwardDecisions.ACTIVE.equals(decision.status()) ? "中标（成交）结果有效"
        : "中标（成交）结果已不再有效：" + decision.endReason();
  }

  private static List<Entry> entries(List<DisclosureNotice> notices) {
    return notices.stream().map(n -> new Entry(PortalViews.notice(n), null)).toList();
  }

  @GetMapping("/portal/statistics")
  public String statistics(@RequestParam(required = false) String year, Model model) {
    Integer selectedYear = year(year);
    model.addAttribute("year", selectedYear);
    model.addAttribute("years", IntStream.rangeClosed(ProcurementTime.today().getYear() - 9,
        ProcurementTime.today().getYear()).boxed().sorted(Comparator.reverseOrder()).toList());

    var byCategory = statistics.budgetsByCategory(selectedYear);
    var byDepartment = statistics.budgetsByDepartment(selectedYear);
    long plans = byCategory.stream().mapToLong(PortalStatistics.Sum::plans).sum();
    BigDecimal budget = byCategory.stream().map(PortalStatistics.Sum::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    model.addAttribute("planCount", plans);
    model.addAttribute("budgetTotal", Money.yuan(budget));

    List<BarChart> charts = new ArrayList<>();
    charts.add(BarChart.of("chart-category", "各服务类别采购预算",
        "已批准的采购实施计划的预算金额之和，按服务类别；年份为计划批准的年份（北京时间）。",
        byCategory.stream().map(s -> new Value(PortalViews.categoryLabel(s.key()), s.amount().doubleValue(),
            tenThousand(s.amount()) + "（" + s.plans() + "项）")).toList()));
    charts.add(BarChart.of("chart-department", "各采购单位采购预算",
        "已批准的采购实施计划的预算金额之和，按采购单位；年份为计划批准的年份。",
        byDepartment.stream().map(s -> new Value(s.key(), s.amount().doubleValue(),
            tenThousand(s.amount()) + "（" + s.plans() + "项）")).toList()));

    var bidders = statistics.biddersPerTender(selectedYear);
    List<Value> bidderBars = new ArrayList<>();
    bidders.tendersByBidders().forEach((count, tenders) -> bidderBars.add(
        new Value(count >= 5 ? "5家及以上" : count + "家", tenders, tenders + "次")));
    charts.add(BarChart.of("chart-bidders", "每次招标的投标人数",
        "每一轮招标（含重新招标）开标时的有效投标文件数，统计开标次数；年份为开标的年份。",
        bidderBars));
    model.addAttribute("averageBidders", bidders.average() == null ? "—" : String.format("%.1f家", bidders.average()));

    var outcomes = statistics.tenderOutcomes(selectedYear);
    charts.add(BarChart.of("chart-tenders", "招标与废标",
        "当年发布的招标公告（每轮一份，含重新招标）、废标公告和中标（成交）结果公告的数量。废标率 = 废标公告数 ÷ 招标公告数。",
        outcomes.tenderNotices() + outcomes.failedTenders() + outcomes.awards() == 0 ? List.of() : List.of(
            new Value(NoticeType.TENDER_NOTICE.label(), outcomes.tenderNotices(), outcomes.tenderNotices() + "份"),
            new Value(NoticeType.FAILED_TENDER.label(), outcomes.failedTenders(), outcomes.failedTenders() + "份"),
            new Value(NoticeType.AWARD_NOTICE.label(), outcomes.awards(), outcomes.awards() + "份"))));
    model.addAttribute("failedShare",
        outcomes.failedShare() == null ? "—" : String.format("%.1f%%", outcomes.failedShare()));

    Map<String, Long> grades = statistics.evaluationGrades(selectedYear);
    charts.add(BarChart.of("chart-grades", "绩效评价等级",
        "完成绩效评价的项目按评价等级（优秀、良好、合格、不合格）计数；年份为评价完成的年份。",
        grades.isEmpty() ? List.of() : Arrays.stream(Grade.values())
            .map(g -> new Value(g.label(), grades.getOrDefault(g.name(), 0L), grades.getOrDefault(g.name(), 0L) + "项"))
            .toList()));

    var durations = statistics.requestToContract(selectedYear);
    model.addAttribute("averageDays", durations.isEmpty() ? "—" : String.format("%.0f天",
        durations.stream().mapToLong(PortalStatistics.Duration::days).average().orElse(0)));
    Map<String, List<PortalStatistics.Duration>> byCategoryDays = new java.util.TreeMap<>();
    durations.forEach(d -> byCategoryDays.computeIfAbsent(d.category(), k -> new ArrayList<>()).add(d));
    charts.add(BarChart.of("chart-days", "从采购申请到签订合同的平均天数",
        "每个项目从提交采购申请到首份政府采购合同公告发布的日历天数，按服务类别取平均；年份为合同公告的年份。",
        byCategoryDays.entrySet().stream().map(e -> {
          double average = e.getValue().stream().mapToLong(PortalStatistics.Duration::days).average().orElse(0);
          return new Value(PortalViews.categoryLabel(e.getKey()), average,
              String.format("%.0f天（%d项）", average, e.getValue().size()));
        }).toList()));
    model.addAttribute("charts", charts);
    return "portal/statistics";
  }

  private static Integer year(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    int year;
    try {
      year = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw PortalRequestException.badRequest("年份“" + (text.length() > 20 ? text.substring(0, 20) + "…" : text)
          + "”不是有效的数字。");
    }
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw PortalRequestException.badRequest("年份应在" + FIRST_YEAR + "至" + LAST_YEAR + "之间。");
    }
    return year;
  }

  /** An amount in 万元, as budgets are usually compared. */
  static String tenThousand(BigDecimal amount) {
    return Money.tenThousandYuan(amount);
  }
}
