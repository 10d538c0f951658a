package org.publicservice.procurement.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The keyword index on H2: searches find exactly what LIKE finds, and notices loaded in bulk are indexed. */
@ProcurementSpringTest
class NoticeKeywordIndexTest {

  @Autowired DisclosureRegister register;
  @Autowired NoticeKeywordIndex index;
  @Autowired JdbcClient jdbc;

  @Test
  void searchesFindExactlyWhatLikeFinds() {
    var check = new KeywordSearchCheck(register, jdbc);
    check.searchesFindWhatLikeFinds(check.publishNotices());
  }

  @Test
  void noticesLoadedWithoutTheIndexAreIndexedAtStartUp() {
    String title = "批量导入的旧公告" + System.nanoTime();
    jdbc.sql("""
            INSERT INTO disclosure_notice (project_number, notice_type, title, content, published_at, publisher)
            VALUES ('NT-OLD-1', 'TENDER_NOTICE', :title, '导入前发布的助残服务', :published, '旧系统')""")
        .param("title", title).param("published", OffsetDateTime.parse("2019-05-06T09:00:00+08:00")).update();
    var query = new NoticeQuery(title, null, null, null, null, null);

    index.run(null);

    assertThat(register.search(query, 0, 20)).extracting(DisclosureNotice::title).containsExactly(title);
    assertThat(register.count(new NoticeQuery("助残", null, null, null, "旧系统", null))).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM disclosure_notice WHERE keyword_indexed = FALSE").query(Long.class)
        .single()).isZero();
  }
}
