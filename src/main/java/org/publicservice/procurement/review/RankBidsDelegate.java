package org.publicservice.procurement.review;

import static org.publicservice.procurement.review.ReviewVariables.*;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.ProcurementTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.Money;
import org.springframework.stereotype.Component;

/**
 * Ranks the qualified bids from the panel's scores ({@link Ranking}) and writes the panel's report (评审报告): the
 * panel, the credit checks and qualification results, every member's scores per bid and the ranking. The members
 * confirm it next.
 */
@Component
public class RankBidsDelegate implements JavaDelegate {

  /** The documents' rule for equal results (87号令第六十八条); absent: lot. */
  static final String TIE_BREAK_RULE = "tieBreakRule";
  /** How equal results were ordered, for the award notice (the award stage reads it). */
  static final String TIE_NOTE = "tieNote";
  private static final SecureRandom SEEDS = new SecureRandom();

  private final ReviewRecords records;
  private final BidReviewResults results;
  private final LotDraws lotDraws;

  public RankBidsDelegate(ReviewRecords records, BidReviewResults results, LotDraws lotDraws) {
    this.records = records;
    this.results = results;
    this.lotDraws = lotDraws;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    List<OpenedBid> bids = OpenedBid.list(execution.getVariable(VALID_BIDS));
    boolean comprehensive = COMPREHENSIVE.equals(execution.getVariable(EVALUATION_METHOD));
    List<String> members = (List<String>) execution.getVariable(PANEL_MEMBERS);
    List<Criterion> criteria = comprehensive ? Criterion.list(execution.getVariable(EVALUATION_CRITERIA)) : List.of();
    BigDecimal priceWeight = comprehensive ? new BigDecimal(execution.getVariable(PRICE_WEIGHT).toString())
        : BigDecimal.ZERO;
    Map<String, Map<String, Map<Integer, BigDecimal>>> scores = comprehensive
        ? records.scores(execution.getProcessInstanceId(), members) : Map.of();
    Object rule = execution.getVariable(TIE_BREAK_RULE);
    Ranking.Ties ties = new Ranking.Ties(rule == null ? null : rule.toString(), SEEDS::nextLong);
    List<RankedBid> ranking = comprehensive ? Ranking.comprehensive(bids, criteria, priceWeight, scores, ties)
        : Ranking.lowestPrice(bids, ties);
    String tieNote = tieNote(ranking, ties);
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime();
    for (Ranking.LotDraw draw : ties.draws()) {
      lotDraws.record(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), draw, now);
    }
    // every tied bidder named twice (tied, then drawn): dozens of bids at one price give more than a String variable
    // holds
    execution.setVariable(TIE_NOTE, JsonValues.longText(tieNote));

    String project = execution.getProcessBusinessKey();
    String reportId = project + "-PB" + (records.countReports(project) + 1);
    List<PanelMember> panel = PanelMember.list(execution.getVariable(PANEL));
    String rankingJson = JsonValues.toJson(ranking.stream().map(RankedBid::toRow).toList());
    String text = report(execution, reportId, comprehensive, priceWeight, panel, bids, criteria, scores, ranking,
        compliance(execution)) + (tieNote.isEmpty() ? "" : "\n#### 并列排序\n" + tieNote + "\n");
    records.createReport(reportId, project, execution.getProcessInstanceId(),
        comprehensive ? COMPREHENSIVE : LOWEST_PRICE, text, rankingJson, JsonValues.toJson(PanelMember.rows(panel)));
    execution.setVariable(RANKING, RankedBid.json(ranking));
    execution.setVariable(REVIEW_REPORT_ID, reportId);
    execution.setVariable(REPORT_TEXT, JsonValues.longText(text));
  }

  private static String report(DelegateExecution execution, String reportId, boolean comprehensive,
      BigDecimal priceWeight, List<PanelMember> panel, List<OpenedBid> bids, List<Criterion> criteria,
      Map<String, Map<String, Map<Integer, BigDecimal>>> scores, List<RankedBid> ranking, String compliance) {
    StringBuilder text = new StringBuilder();
    text.append("### 评审报告 ").append(reportId).append("\n\n");
    text.append("项目编号：").append(execution.getProcessBusinessKey()).append("　服务项目：")
        .append(execution.getVariable(SERVICE_NAME)).append("\n\n");
    text.append("评标方法：").append(comprehensive ? "综合评分法（价格分权重" + SeatReviewPanelDelegate.plain(priceWeight)
        + "分，价格分＝评标基准价÷投标报价×价格权重，评标基准价为最低有效报价；小型和微型企业的报价按招标文件规定的比例扣除后"
        + "参与评审）" : "最低评标价法（报价最低的合格投标排名第一；小型和微型企业的报价按招标文件规定的比例扣除后参与评审）")
        .append("\n\n#### 评审委员会\n");
    for (PanelMember member : panel) {
      text.append("- ").append(roleName(member.role())).append("：").append(member.name())
          .append('\n');
    }
    text.append("\n#### 信用核查与资格审查\n");
    Map<String, String> creditByBid = new HashMap<>();
    JsonValues.rows(execution.getVariable(CREDIT_CHECKS)).forEach(c -> creditByBid.put(String.valueOf(c.get("bidId")),
        c.get("checkedOn") + " " + c.get("findings")));
    for (Map<String, Object> result : JsonValues.rows(execution.getVariable(QUALIFICATION_RESULTS))) {
      text.append("- ").append(result.get("bidderName")).append("：信用核查（")
          .append(creditByBid.get(String.valueOf(result.get("bidId")))).append("）；资格审查")
          .append(Boolean.TRUE.equals(result.get("qualified")) ? "通过" : "不通过（" + result.get("reason") + "）")
          .append('\n');
    }
    text.append(compliance);
    if (comprehensive) {
      text.append("\n#### 各评委评分\n");
      for (PanelMember member : panel) {
        Map<String, Map<Integer, BigDecimal>> sheet = scores.get(member.userId());
        text.append("- ").append(member.name()).append('\n');
        for (OpenedBid bid : bids) {
          Map<Integer, BigDecimal> byCriterion = sheet.get(bid.bidId());
          BigDecimal sum = BigDecimal.ZERO;
          text.append("  - ").append(bid.bidderName()).append("：");
          for (int c = 1; c <= criteria.size(); c++) {
            BigDecimal score = byCriterion.get(c);
            sum = sum.add(score);
            text.append(c == 1 ? "" : "，").append(criteria.get(c - 1).name()).append(' ')
                .append(SeatReviewPanelDelegate.plain(score));
          }
          text.append("；合计 ").append(SeatReviewPanelDelegate.plain(sum)).append('\n');
        }
      }
    }
    text.append("\n#### 评审结果排序\n");
    for (RankedBid entry : ranking) {
      text.append(entry.rank()).append(". ").append(entry.bidderName()).append("　报价 ")
          .append(Money.yuan(entry.price()));
      String sme = PriceDeduction.describe(entry.smeDeclaration(), entry.smeDeductionPercent(),
          Money.yuan(entry.evaluatedPrice()));
      if (!sme.isEmpty()) {
        text.append("（").append(sme).append("）");
      }
      if (comprehensive) {
        text.append("　价格分 ").append(entry.priceScore()).append("　评审分（各评委平均）").append(entry.criteriaScore())
            .append("　总分 ").append(entry.totalScore());
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** "第1名并列的A、B以随机抽取方式确定排序（种子…，算法…，抽取结果：B、A）", empty without ties. */
  static String tieNote(List<RankedBid> ranking, Ranking.Ties ties) {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    ranking.forEach(entry -> names.put(entry.bidId(), entry.bidderName()));
    return ties.draws().stream().map(draw -> "第" + draw.rank() + "名起评审结果相同的"
            + draw.tiedBids().stream().map(names::get).collect(java.util.stream.Collectors.joining("、"))
            + (Ranking.TIES_BY_FIRST_CRITERION.equals(ties.rule())
                ? "，按招标文件规定比较第一项评审因素得分后仍相同，以随机抽取方式确定排序"
                : "，招标文件未规定确定方式，以随机抽取方式确定排序")
            + "（财政部令第87号第六十八条）：抽取结果依次为"
            + draw.drawnOrder().stream().map(names::get).collect(java.util.stream.Collectors.joining("、"))
            + "（随机种子" + draw.seed() + "，算法" + PanelDraw.ALGORITHM + "，可复核）")
        .collect(java.util.stream.Collectors.joining("；"));
  }

  /**
   * The compliance review and the price explanations, with every invalid bid and its reason (87号令第五十八条第四项).
   */
  private String compliance(DelegateExecution execution) {
    StringBuilder text = new StringBuilder("\n#### 符合性审查\n");
    for (BidReviewResults.Result result : results.ofReview(execution.getProcessInstanceId())) {
      if (BidReviewResults.NOT_QUALIFIED.equals(result.outcome())) {
        continue;
      }
      text.append("- ").append(result.bidderName()).append("：")
          .append(result.valid() ? "通过符合性审查" : "无效投标，" + result.statement());
      results.query(execution.getProcessInstanceId(), result.bidId()).ifPresent(query -> text
          .append("；报价说明（87号令第六十条）：要求于").append(ReviewRecords.MINUTE.format(query.dueAt())).append("前说明“")
          .append(query.question()).append("”，").append(query.answer() == null ? "投标人未说明"
              : "投标人已书面说明，评标委员会" + (BidReviewResults.ACCEPTED.equals(query.decision()) ? "予以采纳"
                  : "不予采纳")));
      text.append('\n');
    }
    return text.toString();
  }

  static String roleName(String role) {
    return switch (role) {
      case PanelMember.CHAIR -> "组长（评审专家）";
      case PanelMember.DEPARTMENT_REPRESENTATIVE -> "采购人代表";
      default -> "评审专家";
    };
  }
}
