package org.publicservice.procurement.disclosure;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bigram index of the register (table {@code disclosure_notice_gram}) that keeps the portal's keyword search
 * as fast with 100,000 notices as with 1,000, on H2 and PostgreSQL alike. Chinese has no spaces between words, so
 * a notice is indexed under every pair of neighbouring letters or digits of its lower-cased title and of its
 * content (养老服务 → 养老, 老服, 服务), each with the notice's publication time so that the portal's newest-first
 * order comes straight from the index. A keyword of two such characters is exactly one pair: its notices are its
 * postings. A longer keyword is looked up under its rarest pair, and the other pairs and the literal text are then
 * checked, so the result is always exactly what {@code LIKE '%keyword%'} over title and content finds.
 *
 * <p>{@link DisclosureRegister#publish} indexes a notice in its own transaction; notices that reached the table
 * otherwise (written before the index existed, or loaded in bulk) carry {@code keyword_indexed = FALSE} and are
 * indexed at start-up, before the application takes requests.
 */
@Component
public class NoticeKeywordIndex implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeKeywordIndex.class);
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public NoticeKeywordIndex(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** The pairs a keyword is looked up under, and whether they alone decide a match. */
  record Keyword(String literal, List<Integer> grams, boolean exact) {

    static Keyword of(String keyword) {
      String literal = keyword.toLowerCase(Locale.ROOT);
      Set<Integer> grams = NoticeKeywordIndex.grams(literal);
      // two letters or digits are one pair: a notice has the pair exactly when its title or content has the keyword
      boolean exact = literal.length() == 2 && grams.size() == 1;
      return new Keyword(literal, List.copyOf(grams), exact);
    }

    /** A keyword without any pair (one character, or punctuation) cannot use the index. */
    boolean indexed() {
      return !grams.isEmpty();
    }
  }

  /** The distinct pairs of neighbouring letters or digits of a lower-cased text, as integers (two UTF-16 units). */
  static Set<Integer> grams(String lowerCased) {
    Set<Integer> grams = new TreeSet<>();
    for (int i = 0; i + 1 < lowerCased.length(); i++) {
      char first = lowerCased.charAt(i);
      char second = lowerCased.charAt(i + 1);
      if (Character.isLetterOrDigit(first) && Character.isLetterOrDigit(second)) {
        grams.add(first << 16 | second);
      }
    }
    return grams;
  }

  /** The pairs of a notice: of its title and of its content, never one across the two. */
  static Set<Integer> grams(String title, String content) {
    Set<Integer> grams = grams(title.toLowerCase(Locale.ROOT));
    grams.addAll(grams(content.toLowerCase(Locale.ROOT)));
    return grams;
  }

  /** Indexes one notice in the caller's transaction: one statement whatever the notice's length. */
  void index(long id, OffsetDateTime publishedAt, String title, String content) {
    Integer[] grams = grams(title, content).toArray(Integer[]::new);
    if (grams.length == 0) {
      return;
    }
    jdbc.sql("""
            INSERT INTO disclosure_notice_gram (gram, published_at, notice_id)
            SELECT g.gram, :published, :id FROM UNNEST(CAST(:grams AS INTEGER ARRAY)) AS g(gram)""")
        .param("published", publishedAt)
        .param("id", id)
        .param("grams", new AbstractSqlTypeValue() {
          @Override
          protected Array createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
            return connection.createArrayOf("INTEGER", grams);
          }
        })
        .update();
  }

  /** Indexes the notices that are not yet, in batches, before the application takes requests. */
  @Override
  public void run(ApplicationArguments args) {
    int indexed = 0;
    int batch;
    do {
      batch = transactions.execute(status -> indexBatch());
      indexed += batch;
    } while (batch == BATCH);
    if (indexed > 0) {
      LOG.info("Keyword index: {} notices indexed", indexed);
    }
  }

  private int indexBatch() {
    record Unindexed(long id, OffsetDateTime publishedAt, String title, String content) {
    }
    List<Unindexed> notices = jdbc.sql("""
            SELECT id, published_at, title, content FROM disclosure_notice WHERE keyword_indexed = FALSE
            ORDER BY id FETCH FIRST :batch ROWS ONLY""")
        .param("batch", BATCH)
        .query((rs, row) -> new Unindexed(rs.getLong("id"), rs.getObject("published_at", OffsetDateTime.class),
            rs.getString("title"), rs.getString("content")))
        .list();
    for (Unindexed notice : notices) {
      index(notice.id(), notice.publishedAt(), notice.title(), notice.content());
    }
    if (!notices.isEmpty()) {
      jdbc.sql("UPDATE disclosure_notice SET keyword_indexed = TRUE WHERE id IN (:ids)")
          .param("ids", notices.stream().map(Unindexed::id).toList())
          .update();
    }
    return notices.size();
  }
}
