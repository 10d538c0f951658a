package org.publicservice.procurement.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Proves on one database that the keyword index changes nothing in what the portal's search finds: for keywords of
 * every kind (two letters, longer, across title and content, with punctuation, one character, wildcards) and with
 * the other filters, every page and every count equal what the register's earlier query, LIKE over the lower-cased
 * title and content of every notice, finds in the same database.
 */
public final class KeywordSearchCheck {

  private final DisclosureRegister register;
  private final JdbcClient jdbc;

  public KeywordSearchCheck(DisclosureRegister register, JdbcClient jdbc) {
    this.register = register;
    this.jdbc = jdbc;
  }

  /** Publishes notices whose words meet in many ways, some out of publication order; returns their publisher. */
  public String publishNotices() {
    String publisher = "检索测试单位" + UUID.randomUUID().toString().substring(0, 8);
    String[] titles = {"居家养老服务采购意向", "社区养老食堂运营招标公告", "青少年心理健康服务中标公告", "老年助餐服务合同",
        "NT-2026-0042 Elderly Care 招标", "残疾人康复训练服务（甲乙）", "养老", "甲", "居家老人探访服务"};
    String[] contents = {"项目名称：居家养老服务\n预算金额：800,000.00元", "服务内容：助餐、助洁、助浴。",
        "乙丙服务：心理咨询100%覆盖", "为社区老年人提供助餐服务（养 老）", "Budget 300,000 for ELDERLY care, nt-2026",
        "甲乙服务与乙丙服务分开提供", "乙：居家上门", "养老服务_第2期", "探访独居老人，每周两次"};
    for (int i = 0; i < 36; i++) {
      // publication times jump back and forth, so that the order by publication time differs from the order of ids
      ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2024 + i % 3, 1 + i % 12, 1, 9, 0, 0, 0, ProcurementTime.ZONE)
          .plusHours(i * 7 % 11).toInstant()));
      register.publish("NT-KW-" + i, i % 2 == 0 ? NoticeType.TENDER_NOTICE : NoticeType.AWARD_NOTICE,
          titles[i % titles.length], contents[(i * 5) % contents.length], publisher, null);
    }
    ClockUtil.reset();
    return publisher;
  }

  /** Every keyword, alone and with filters, on the first, a middle and the last page. */
  public void searchesFindWhatLikeFinds(String publisher) {
    List<String> keywords = List.of("养老", "养老服务", "居家养老服务", "老人", "甲乙", "甲乙丙", "乙丙", "甲乙服务", "服务：",
        "NT-2026", "nt", "Elderly", "ELDERLY CARE", "100%", "%", "_", "养 老", "老", "甲", "20", "0042", "采购意向",
        "不存在的词语", "心理健康服务中标");
    var year2025 = LocalDate.of(2025, 1, 1).atStartOfDay(ProcurementTime.ZONE).toOffsetDateTime();
    for (String keyword : keywords) {
      List<NoticeQuery> queries = List.of(
          new NoticeQuery(keyword, null, null, null, null, null),
          new NoticeQuery(keyword, null, null, null, publisher, null),
          new NoticeQuery(keyword, NoticeType.AWARD_NOTICE, year2025, year2025.plusYears(1), publisher, null),
          new NoticeQuery(keyword, null, null, null, null, "ELDERLY_CARE"));
      for (NoticeQuery query : queries) {
        long expected = likeCount(query);
        assertThat(register.count(query)).as("count of %s", query).isEqualTo(expected);
        for (int offset : List.of(0, 5, (int) Math.max(0, expected - 3))) {
          assertThat(register.search(query, offset, 5)).as("page at %d of %s", offset, query)
              .extracting(DisclosureNotice::id).containsExactlyElementsOf(likePage(query, offset, 5));
          // with the count known, a page in the older half is read from the oldest end: the same notices
          assertThat(register.search(query, offset, 5, expected)).as("page at %d of %s, count known", offset, query)
              .extracting(DisclosureNotice::id).containsExactlyElementsOf(likePage(query, offset, 5));
        }
      }
    }
  }

  private static final String LIKE = """
       FROM disclosure_notice n WHERE (LOWER(n.title) LIKE :keyword ESCAPE '\\' OR LOWER(n.content) LIKE :keyword ESCAPE '\\')
        AND (CAST(:type AS VARCHAR(40)) IS NULL OR n.notice_type = :type)
        AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR n.published_at >= :from)
        AND (CAST(:until AS TIMESTAMP WITH TIME ZONE) IS NULL OR n.published_at < :until)
        AND (CAST(:publisher AS VARCHAR(200)) IS NULL OR n.publisher = :publisher)
        AND (CAST(:category AS VARCHAR(40)) IS NULL OR EXISTS (SELECT 1 FROM purchase_plan p
             WHERE p.project_number = n.project_number AND p.service_category = :category))""";

  private long likeCount(NoticeQuery query) {
    return bind(jdbc.sql("SELECT COUNT(*) " + LIKE), query).query(Long.class).single();
  }

  private List<Long> likePage(NoticeQuery query, int offset, int limit) {
    return bind(jdbc.sql("SELECT n.id " + LIKE
            + " ORDER BY n.published_at DESC, n.id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY"), query)
        .param("offset", offset).param("limit", limit).query(Long.class).list();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, NoticeQuery query) {
    return statement
        .param("keyword", "%" + DisclosureRegister.likeLiteral(query.keyword().toLowerCase(Locale.ROOT)) + "%")
        .param("type", query.type() == null ? null : query.type().name())
        .param("from", query.from())
        .param("until", query.until())
        .param("publisher", query.publisher())
        .param("category", query.serviceCategory());
  }
}
