package org.publicservice.procurement.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.evaluation.EvaluationStages;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The rating pages as a visitor uses them, anonymously over HTTP, on an evaluation stage that really runs: the list
 * of services open for rating, the form, a rating with a code and with a confirmed e-mail address, and every way a
 * visitor can get it wrong (repeated, late, bad stars, over-long or script-bearing comment, unknown project).
 */
@ProcurementSpringTest
class RatingPagesTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  static final ZonedDateTime START = ZonedDateTime.of(2027, 5, 10, 9, 0, 0, 0, ProcurementTime.ZONE);

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;

  EvaluationStages stages;
  String projectNumber;
  String serviceName;
  ProcessInstance stage;
  List<String> codes;

  @BeforeEach
  void openAnEvaluation() {
    ClockUtil.setCurrentTime(Date.from(START.toInstant()));
    stages = new EvaluationStages(engine);
    projectNumber = EvaluationStages.newProjectNumber();
    serviceName = "港闸区社区助餐服务" + UUID.randomUUID().toString().substring(0, 4);
    stage = stages.start(projectNumber, serviceName, 3);
    codes = stages.ratingCodes(stage);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theListAndTheFormShowTheServiceItsIndicatorsAndBothWaysToRate() {
    String list = page("/portal/ratings");
    assertThat(list).contains("正在接受评价的项目", serviceName, "南通安乐居家养老服务社",
        "href=\"/portal/ratings/" + projectNumber + "\"");
    String form = page("/portal/ratings/" + projectNumber);
    assertThat(form).contains("服务评价：" + serviceName, "南通市民政局", "南通安乐居家养老服务社",
        "1. 服务对象满意度（目标：90%）", "2. 上门服务人次（目标：76800人次）", "name=\"stars1\"", "name=\"stars2\"",
        "name=\"code\"", "name=\"email\"", "name=\"confirmationCode\"", "name=\"comment\"", "maxlength=\"500\"",
        "formaction=\"/portal/ratings/" + projectNumber + "/email-code\"", "2027-05-24 23:59");
    assertThat(page("/portal")).contains("href=\"/portal/ratings\"");
  }

  @Test
  void aServiceRecipientRatesOnceWithACodeAndTheSecondTimeIsRefusedInChinese() {
    ResponseEntity<String> rated = post("/portal/ratings/" + projectNumber,
        form("code", codes.get(0), "stars1", "5", "stars2", "4", "comment", "很满意"));
    assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rated.getBody()).contains("感谢您的评价", serviceName).doesNotContain(codes.get(0));

    ResponseEntity<String> again = post("/portal/ratings/" + projectNumber,
        form("code", codes.get(0), "stars1", "1", "stars2", "1"));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody()).contains("该评价码已使用过，每个评价码只能评价一次。", "name=\"stars1\"");
  }

  @Test
  void aResidentConfirmsTheAddressWithAMailedCodeThenRatesOnce() throws Exception {
    String resident = "li.si" + UUID.randomUUID().toString().substring(0, 4) + "@example.cn";
    ResponseEntity<String> sent = post("/portal/ratings/" + projectNumber + "/email-code",
        form("email", resident, "stars1", "4", "comment", "送餐准时"));
    assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sent.getBody()).contains("验证码已发送到" + resident, "送餐准时", "value=\"" + resident + "\"")
        .containsPattern("name=\"stars1\" value=\"4\"\\s+checked");
    String code = mailedCode(resident);

    ResponseEntity<String> wrong = post("/portal/ratings/" + projectNumber,
        form("email", resident, "confirmationCode", code.equals("123456") ? "654321" : "123456", "stars1", "4"));
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody()).contains("验证码不正确");

    ResponseEntity<String> rated = post("/portal/ratings/" + projectNumber,
        form("email", resident, "confirmationCode", code, "stars1", "4", "stars2", "3", "notify", "on"));
    assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rated.getBody()).contains("感谢您的评价", "评价结果公开后，我们会发邮件告诉您");

    ResponseEntity<String> again = post("/portal/ratings/" + projectNumber + "/email-code", form("email", resident));
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody()).contains("该邮箱已对本项目评价过，每人只能评价一次。");
  }

  @Test
  void badInputIsRefusedWith400AndAMessageAndScriptsAreOnlyEverShownAsText() {
    String script = "<script>alert('x')</script>";
    ResponseEntity<String> noStars = post("/portal/ratings/" + projectNumber, form("code", codes.get(0),
        "comment", script));
    assertThat(noStars.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noStars.getBody()).contains("请至少为一项指标打分（1至5星）。", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain(script);

    ResponseEntity<String> badStars = post("/portal/ratings/" + projectNumber, form("code", codes.get(0),
        "stars1", "6"));
    assertThat(badStars.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badStars.getBody()).contains("每项指标的评分应为1至5星。");

    ResponseEntity<String> tooLong = post("/portal/ratings/" + projectNumber, form("code", codes.get(0),
        "stars1", "5", "comment", script + "好".repeat(500)));
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody()).contains("意见和建议不能超过500个字。").doesNotContain(script);

    ResponseEntity<String> nobody = post("/portal/ratings/" + projectNumber, form("stars1", "5"));
    assertThat(nobody.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(nobody.getBody()).contains("请填写评价码（服务对象），或填写电子邮箱并获取验证码（居民）。");

    // another site's form carries no token of this portal: nothing is rated (security/, issue 12)
    HttpHeaders plain = new HttpHeaders();
    plain.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> forged = http.postForEntity("/portal/ratings/" + projectNumber,
        new HttpEntity<>(form("code", codes.get(0), "stars1", "5", "formToken", "1.forged"), plain), String.class);
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forged.getBody()).contains("页面已过期或提交来源无法确认，评价未被保存。");

    ResponseEntity<String> unknownCode = post("/portal/ratings/" + projectNumber, form("code", "AAAA-AAAA",
        "stars1", "5"));
    assertThat(unknownCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownCode.getBody()).contains("评价码不正确");

    ResponseEntity<String> badAddress = post("/portal/ratings/" + projectNumber + "/email-code",
        form("email", "not-an-address<b>"));
    assertThat(badAddress.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badAddress.getBody()).contains("电子邮箱格式不正确。", "not-an-address&lt;b&gt;");

    // none of these stored anything: the code still works once
    assertThat(post("/portal/ratings/" + projectNumber, form("code", codes.get(0), "stars1", "5")).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(http.getForEntity("/portal/ratings/NT-2091-x9x9x9", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> bad = http.getForEntity("/portal/ratings/<script>", String.class);
    assertThat(bad.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).doesNotContain("<script>");
  }

  @Test
  void afterTheWindowTheFormIsGoneAndARatingIsRefused() {
    Date end = stages.ratingWindowTimer(stage).getDuedate();
    ClockUtil.setCurrentTime(new Date(end.getTime() + 1000));
    assertThat(page("/portal/ratings")).doesNotContain(serviceName);
    String closed = page("/portal/ratings/" + projectNumber);
    assertThat(closed).contains("评价已结束").doesNotContain("name=\"stars1\"");
    ResponseEntity<String> late = post("/portal/ratings/" + projectNumber, form("code", codes.get(1), "stars1", "5"));
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(late.getBody()).contains("本项目的服务评价已于2027年5月24日 23:59结束，不再接受评价。");
  }

  private String page(String path) {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** Posts as the page's form does: with the form token the page carries (none once the window closed). */
  private ResponseEntity<String> post(String path, MultiValueMap<String, String> form) {
    Matcher token = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"")
        .matcher(http.getForEntity(path.replace("/email-code", ""), String.class).getBody());
    if (token.find() && !form.containsKey("formToken")) {
      form.add("formToken", token.group(1));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  private static MultiValueMap<String, String> form(String... pairs) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  private String mailedCode(String address) throws Exception {
    new MailDeliveries(engine).deliver(projectNumber);
    MimeMessage mail = MailDeliveries.mailsTo(greenMail, address).stream().findFirst().orElseThrow();
    assertThat(mail.getSubject()).isEqualTo("【评价验证码】" + projectNumber + " " + serviceName);
    Matcher code = Pattern.compile("验证码为：\\s+(\\d{6})").matcher(mail.getContent().toString());
    assertThat(code.find()).isTrue();
    return code.group(1);
  }
}
