package org.publicservice.procurement.rating;

import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.publicservice.procurement.notification.Notifications;
import org.publicservice.procurement.purchase.JsonValues;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.PublicLinks;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public's rating of a purchased service during its evaluation (服务对象满意度, 实施条例第四十五条; 政府购买服务
 * 绩效评价): service recipients rate with a one-time code their department handed them, residents with an e-mail
 * address they confirm with a mailed code. Each person rates once per evaluation: the rating stores only a salted
 * hash of the code or address (salt per evaluation), which the unique key keeps single and which says nothing
 * about who rated. Only averages leave this class ({@link RatingSummary}); comments leave it without any link to
 * their author. An address is kept in clear only when the resident asks to be told the outcome, and only until
 * that mail is queued.
 *
 * <p>Every refusal is a {@link SubmissionRejectedException} with a Chinese message, and stores nothing (except that
 * a wrong confirmation code counts against its code).
 */
@Repository
public class ServiceRatings {

  public static final int MAX_COMMENT = 500;
  public static final int MIN_STARS = 1;
  public static final int MAX_STARS = 5;
  /** Wrong confirmation codes after which a mailed code is void. */
  static final int MAX_FAILED_TRIES = 5;
  static final String KIND_CODE = "CODE";
  static final String KIND_EMAIL = "EMAIL";
  /** Rating codes avoid 0/O and 1/I, which people confuse when a code is read out or copied from paper. */
  private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final int CODE_LENGTH = 8;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String EMAIL_CODE_TEMPLATE = "rating-email-code";

  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final RatingProperties properties;
  private final PublicLinks links;

  public ServiceRatings(JdbcClient jdbc, Notifications notifications, RatingProperties properties,
      PublicLinks links) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.properties = properties;
    this.links = links;
  }

  /** The evaluation a stage opens: what the public rates and until when. */
  public record NewEvaluation(String projectNumber, String processInstanceId, String contractId, String contractor,
      String contractorName, String serviceName, String departmentName, List<String> indicators,
      OffsetDateTime opensAt, OffsetDateTime closesAt) {
  }

  // --- for the evaluation stage ------------------------------------------------------------------------------

  /** Records the evaluation and its rating window; returns its id. In the caller's transaction. */
  @Transactional
  public long open(NewEvaluation evaluation) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO service_evaluation (project_number, process_instance_id, contract_id, contractor,
              contractor_name, service_name, department_name, indicators, rater_salt, rating_opens_at,
              rating_closes_at)
            VALUES (:project, :instance, :contract, :contractor, :contractorName, :service, :department,
              :indicators, :salt, :opens, :closes)""")
        .param("project", evaluation.projectNumber())
        .param("instance", evaluation.processInstanceId())
        .param("contract", evaluation.contractId())
        .param("contractor", evaluation.contractor())
        .param("contractorName", evaluation.contractorName())
        .param("service", evaluation.serviceName())
        .param("department", evaluation.departmentName())
        .param("indicators", JsonValues.toJson(evaluation.indicators()))
        .param("salt", HexFormat.of().formatHex(salt))
        .param("opens", evaluation.opensAt())
        .param("closes", evaluation.closesAt())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** The id of the evaluation a stage instance opened, if it did. */
  public Optional<Long> evaluationOf(String processInstanceId) {
    return jdbc.sql("SELECT id FROM service_evaluation WHERE process_instance_id = :instance")
        .param("instance", processInstanceId).query(Long.class).optional();
  }

  /**
   * New one-time codes for service recipients, as the department hands them out ("ABCD-EFGH"). Only their hashes
   * are stored: the returned list is the one copy in clear.
   */
  @Transactional
  public List<String> issueCodes(long evaluationId, int count) {
    String salt = salt(evaluationId);
    List<String> codes = new ArrayList<>();
    while (codes.size() < count) {
      String code = newCode();
      int added = jdbc.sql("""
              INSERT INTO rating_code (evaluation_id, code_hash)
              SELECT CAST(:evaluation AS BIGINT), CAST(:hash AS VARCHAR(64)) FROM (VALUES (1)) one
              WHERE NOT EXISTS (SELECT 1 FROM rating_code WHERE evaluation_id = :evaluation AND code_hash = :hash)""")
          .param("evaluation", evaluationId).param("hash", raterKey(salt, KIND_CODE, code)).update();
      if (added == 1) {
        codes.add(code.substring(0, 4) + "-" + code.substring(4));
      }
    }
    return codes;
  }

  /** Ends the rating window now (the stage's timer fired); later ratings are refused. */
  @Transactional
  public void close(long evaluationId) {
    jdbc.sql("UPDATE service_evaluation SET ratings_closed = TRUE WHERE id = :id").param("id", evaluationId).update();
  }

  /** Averages of the ratings so far. */
  public RatingSummary summary(long evaluationId) {
    RatingWindow window = find(evaluationId).orElseThrow();
    record Star(long rating, int indicator, int stars, String kind) {
    }
    List<Star> stars = jdbc.sql("""
            SELECT r.id, s.indicator_index, s.stars, r.rater_kind FROM service_rating r
            JOIN service_rating_stars s ON s.rating_id = r.id WHERE r.evaluation_id = :evaluation""")
        .param("evaluation", evaluationId)
        .query((rs, row) -> new Star(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4))).list();
    Map<Long, List<Star>> byRating = new TreeMap<>();
    stars.forEach(star -> byRating.computeIfAbsent(star.rating(), k -> new ArrayList<>()).add(star));
    int byCode = (int) byRating.values().stream().filter(list -> KIND_CODE.equals(list.get(0).kind())).count();
    List<RatingSummary.IndicatorAverage> indicators = new ArrayList<>();
    for (int i = 1; i <= window.indicators().size(); i++) {
      int index = i;
      List<Integer> given = stars.stream().filter(s -> s.indicator() == index).map(Star::stars).toList();
      indicators.add(new RatingSummary.IndicatorAverage(index, window.indicators().get(i - 1), given.size(),
          given.isEmpty() ? null : mean(given.stream().map(BigDecimal::valueOf).toList())));
    }
    if (byRating.isEmpty()) {
      return new RatingSummary(0, 0, null, null, indicators);
    }
    List<BigDecimal> personal = byRating.values().stream()
        .map(list -> mean(list.stream().map(s -> BigDecimal.valueOf(s.stars())).toList())).toList();
    BigDecimal average = mean(personal);
    BigDecimal satisfaction = average.multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(MAX_STARS), 2, RoundingMode.HALF_UP);
    return new RatingSummary(byRating.size(), byCode, average, satisfaction, indicators);
  }

  /** The comments, oldest first, without any trace of who wrote them. */
  public List<String> comments(long evaluationId) {
    return jdbc.sql("""
            SELECT rating_comment FROM service_rating WHERE evaluation_id = :evaluation
              AND rating_comment IS NOT NULL ORDER BY rated_at, id""")
        .param("evaluation", evaluationId).query(String.class).list();
  }

  /** The addresses of residents who asked to be told the outcome; they are deleted as they are handed out. */
  @Transactional
  public List<String> takeFollowers(long evaluationId) {
    List<String> addresses = jdbc.sql("SELECT address FROM rating_follower WHERE evaluation_id = :evaluation ORDER BY address")
        .param("evaluation", evaluationId).query(String.class).list();
    jdbc.sql("DELETE FROM rating_follower WHERE evaluation_id = :evaluation").param("evaluation", evaluationId).update();
    return addresses;
  }

  // --- for the public (portal) ---------------------------------------------------------------------------------

  public Optional<RatingWindow> find(long evaluationId) {
    return jdbc.sql("SELECT * FROM service_evaluation WHERE id = :id").param("id", evaluationId)
        .query(ServiceRatings::window).optional();
  }

  /** The latest evaluation of a project. */
  public Optional<RatingWindow> latestOf(String projectNumber) {
    return jdbc.sql("SELECT * FROM service_evaluation WHERE project_number = :project ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
        .param("project", projectNumber).query(ServiceRatings::window).optional();
  }

  /** Evaluations taking ratings now, those closing first first. */
  public List<RatingWindow> openNow() {
    OffsetDateTime now = ProcurementTime.now();
    return jdbc.sql("""
            SELECT * FROM service_evaluation WHERE ratings_closed = FALSE AND rating_opens_at <= :now
              AND rating_closes_at > :now ORDER BY rating_closes_at, id""")
        .param("now", now).query(ServiceRatings::window).list();
  }

  /**
   * Mails a confirmation code to a resident who wants to rate with this address. Refused when the window is not
   * open, the address is not one, it has rated already, or a code was sent to it a moment ago.
   */
  @Transactional
  public void sendEmailCode(String projectNumber, String email) {
    RatingWindow window = openWindow(projectNumber);
    String address = address(email);
    String salt = salt(window.evaluationId());
    String raterKey = raterKey(salt, KIND_EMAIL, address);
    refuseIfRated(window, raterKey, "该邮箱已对本项目评价过，每人只能评价一次。");
    OffsetDateTime now = ProcurementTime.now();
    Integer recent = jdbc.sql("""
            SELECT COUNT(*) FROM rating_email_check WHERE evaluation_id = :evaluation AND rater_key = :rater
              AND sent_at > :since""")
        .param("evaluation", window.evaluationId()).param("rater", raterKey)
        .param("since", now.minus(ProcurementTime.forPeople(properties.emailCodeInterval()))).query(Integer.class).single();
    if (recent > 0) {
      throw reject("email", "验证码刚刚已发送到该邮箱，请查收邮件；如未收到，请" + properties.emailCodeInterval().toSeconds()
          + "秒后再试。");
    }
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    OffsetDateTime expires = now.plus(ProcurementTime.forPeople(properties.emailCodeValidity()));
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO rating_email_check (evaluation_id, rater_key, code_hash, sent_at, expires_at)
            VALUES (:evaluation, :rater, :hash, :sent, :expires)""")
        .param("evaluation", window.evaluationId()).param("rater", raterKey)
        .param("hash", raterKey(salt, raterKey, code)).param("sent", now).param("expires", expires)
        .update(keys, "id");
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("projectNumber", window.projectNumber());
    model.put("serviceName", window.serviceName());
    model.put("departmentName", window.departmentName());
    model.put("confirmationCode", code);
    model.put("validUntil", MINUTE_IN_WORDS.format(expires));
    model.put("ratingLink", ratingLink(window.projectNumber()));
    notifications.toAddress(address, EMAIL_CODE_TEMPLATE, EMAIL_CODE_TEMPLATE + ":" + keys.getKey().longValue(), model);
  }

  /** A service recipient's rating with a code from the department. */
  @Transactional
  public RatingReceipt rateWithCode(String projectNumber, String code, Map<Integer, Integer> stars, String comment) {
    RatingWindow window = openWindow(projectNumber);
    Map<Integer, Integer> checked = checkStars(window, stars);
    String text = checkComment(comment);
    String normalised = code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    if (normalised.isEmpty()) {
      throw reject("code", "请填写评价码。");
    }
    String raterKey = raterKey(salt(window.evaluationId()), KIND_CODE, normalised);
    Optional<OffsetDateTime> usedAt = jdbc.sql(
            "SELECT used_at FROM rating_code WHERE evaluation_id = :evaluation AND code_hash = :hash")
        .param("evaluation", window.evaluationId()).param("hash", raterKey)
        .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).optional()
        .orElseThrow(() -> reject("code", "评价码不正确，请核对采购单位发放的评价码。"));
    if (usedAt.isPresent()) {
      throw reject("code", "该评价码已使用过，每个评价码只能评价一次。");
    }
    RatingReceipt receipt = store(window, KIND_CODE, raterKey, checked, text, "该评价码已使用过，每个评价码只能评价一次。");
    jdbc.sql("UPDATE rating_code SET used_at = :now WHERE evaluation_id = :evaluation AND code_hash = :hash")
        .param("now", receipt.ratedAt()).param("evaluation", window.evaluationId()).param("hash", raterKey).update();
    return receipt;
  }

  /**
   * A resident's rating, with the address and the code mailed to it. A wrong code counts against that code (it is
   * void after {@value #MAX_FAILED_TRIES} wrong tries), so this refusal alone keeps what it wrote.
   */
  @Transactional(noRollbackFor = SubmissionRejectedException.class)
  public RatingReceipt rateWithEmail(String projectNumber, String email, String confirmationCode,
      Map<Integer, Integer> stars, String comment, boolean tellMeTheOutcome) {
    RatingWindow window = openWindow(projectNumber);
    Map<Integer, Integer> checked = checkStars(window, stars);
    String text = checkComment(comment);
    String address = address(email);
    String salt = salt(window.evaluationId());
    String raterKey = raterKey(salt, KIND_EMAIL, address);
    refuseIfRated(window, raterKey, "该邮箱已对本项目评价过，每人只能评价一次。");
    String typed = confirmationCode == null ? "" : confirmationCode.replaceAll("\\s", "");
    if (typed.isEmpty()) {
      throw reject("confirmationCode", "请填写邮件中的验证码。");
    }
    record Check(long id, String hash, int failedTries) {
    }
    Check check = jdbc.sql("""
            SELECT id, code_hash, failed_tries FROM rating_email_check
            WHERE evaluation_id = :evaluation AND rater_key = :rater AND expires_at > :now
            ORDER BY sent_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
        .param("evaluation", window.evaluationId()).param("rater", raterKey).param("now", ProcurementTime.now())
        .query((rs, row) -> new Check(rs.getLong(1), rs.getString(2), rs.getInt(3))).optional()
        .orElseThrow(() -> reject("confirmationCode", "验证码已过期或尚未获取，请先获取验证码。"));
    if (check.failedTries() >= MAX_FAILED_TRIES) {
      throw reject("confirmationCode", "验证码输错次数过多，已失效，请重新获取验证码。");
    }
    if (!MessageDigest.isEqual(check.hash().getBytes(StandardCharsets.US_ASCII),
        raterKey(salt, raterKey, typed).getBytes(StandardCharsets.US_ASCII))) {
      jdbc.sql("UPDATE rating_email_check SET failed_tries = failed_tries + 1 WHERE id = :id")
          .param("id", check.id()).update();
      throw reject("confirmationCode", "验证码不正确，请核对邮件中的6位数字。");
    }
    RatingReceipt receipt = store(window, KIND_EMAIL, raterKey, checked, text,
        "该邮箱已对本项目评价过，每人只能评价一次。");
    jdbc.sql("DELETE FROM rating_email_check WHERE evaluation_id = :evaluation AND rater_key = :rater")
        .param("evaluation", window.evaluationId()).param("rater", raterKey).update();
    if (tellMeTheOutcome) {
      jdbc.sql("""
              INSERT INTO rating_follower (evaluation_id, address)
              SELECT CAST(:evaluation AS BIGINT), CAST(:address AS VARCHAR(254)) FROM (VALUES (1)) one WHERE NOT EXISTS
                (SELECT 1 FROM rating_follower WHERE evaluation_id = :evaluation AND address = :address)""")
          .param("evaluation", window.evaluationId()).param("address", address).update();
    }
    return receipt;
  }

  /** The portal page where an evaluation is rated. */
  public String ratingLink(String projectNumber) {
    return links.ratings(projectNumber);
  }

  // --- rules -----------------------------------------------------------------------------------------------------

  private RatingWindow openWindow(String projectNumber) {
    RatingWindow window = (projectNumber == null ? Optional.<RatingWindow>empty() : latestOf(projectNumber))
        .orElseThrow(() -> reject(null, "项目" + projectNumber + "没有进行中的服务评价。"));
    OffsetDateTime now = ProcurementTime.now();
    if (now.isBefore(window.opensAt())) {
      throw reject(null, "本项目的服务评价尚未开始。");
    }
    if (!window.isOpenAt(now)) {
      throw reject(null, "本项目的服务评价已于" + MINUTE_IN_WORDS.format(window.closesAt())
          + "结束，不再接受评价。");
    }
    return window;
  }

  private static Map<Integer, Integer> checkStars(RatingWindow window, Map<Integer, Integer> stars) {
    Map<Integer, Integer> checked = new TreeMap<>();
    if (stars != null) {
      stars.forEach((index, value) -> {
        if (index == null || index < 1 || index > window.indicators().size()) {
          throw reject("stars", "评价的指标不存在。");
        }
        if (value == null) {
          return;
        }
        if (value < MIN_STARS || value > MAX_STARS) {
          throw reject("stars" + index, "“" + window.indicators().get(index - 1) + "”的评分应为1至5星。");
        }
        checked.put(index, value);
      });
    }
    if (checked.isEmpty()) {
      throw reject("stars", "请至少为一项指标打分（1至5星）。");
    }
    return checked;
  }

  /** The comment as typed (it is only ever shown escaped), or null; refused when too long or not plain text. */
  static String checkComment(String comment) {
    if (comment == null || comment.isBlank()) {
      return null;
    }
    String text = comment.strip().replace("\r\n", "\n");
    if (text.codePointCount(0, text.length()) > MAX_COMMENT) {
      throw reject("comment", "意见和建议不能超过" + MAX_COMMENT + "个字。");
    }
    if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw reject("comment", "意见和建议含有无法显示的控制字符。");
    }
    return text;
  }

  private static String address(String email) {
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (address.isEmpty()) {
      throw reject("email", "请填写电子邮箱。");
    }
    if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
      throw reject("email", "电子邮箱格式不正确。");
    }
    return address;
  }

  private void refuseIfRated(RatingWindow window, String raterKey, String message) {
    Integer rated = jdbc.sql("SELECT COUNT(*) FROM service_rating WHERE evaluation_id = :evaluation AND rater_key = :rater")
        .param("evaluation", window.evaluationId()).param("rater", raterKey).query(Integer.class).single();
    if (rated > 0) {
      throw reject(null, message);
    }
  }

  private RatingReceipt store(RatingWindow window, String kind, String raterKey, Map<Integer, Integer> stars,
      String comment, String alreadyRated) {
    OffsetDateTime now = ProcurementTime.now();
    var keys = new GeneratedKeyHolder();
    try {
      jdbc.sql("""
              INSERT INTO service_rating (evaluation_id, rater_kind, rater_key, rated_at, rating_comment)
              VALUES (:evaluation, :kind, :rater, :at, :comment)""")
          .param("evaluation", window.evaluationId()).param("kind", kind).param("rater", raterKey)
          .param("at", now).param("comment", comment).update(keys, "id");
    } catch (DuplicateKeyException e) {
      throw reject(null, alreadyRated);
    }
    long ratingId = keys.getKey().longValue();
    stars.forEach((index, value) -> jdbc.sql(
            "INSERT INTO service_rating_stars (rating_id, indicator_index, stars) VALUES (:rating, :index, :stars)")
        .param("rating", ratingId).param("index", index).param("stars", value).update());
    return new RatingReceipt(window.projectNumber(), window.serviceName(), now);
  }

  private String salt(long evaluationId) {
    return jdbc.sql("SELECT rater_salt FROM service_evaluation WHERE id = :id").param("id", evaluationId)
        .query(String.class).single();
  }

  static String raterKey(String salt, String kind, String value) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((salt + ":" + kind + ":" + value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String newCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
    }
    return code.toString();
  }

  private static BigDecimal mean(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
  }


  private static RatingWindow window(ResultSet rs, int row) throws SQLException {
    List<String> indicators;
    try {
      indicators = JSON.readValue(rs.getString("indicators"), new TypeReference<List<String>>() { });
    } catch (java.io.IOException e) {
      throw new IllegalStateException("indicators of evaluation " + rs.getLong("id") + " are no JSON list", e);
    }
    return new RatingWindow(rs.getLong("id"), rs.getString("project_number"), rs.getString("service_name"),
        rs.getString("department_name"), rs.getString("contractor_name"), List.copyOf(indicators),
        rs.getObject("rating_opens_at", OffsetDateTime.class), rs.getObject("rating_closes_at", OffsetDateTime.class),
        rs.getBoolean("ratings_closed"));
  }
}
