package org.publicservice.procurement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.PortalClient;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.TestSmtp;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.notification.MailDeliveries;
import org.publicservice.procurement.notification.MailOutbox;
import org.publicservice.procurement.supplier.SupplierType;
import org.publicservice.procurement.supplier.Suppliers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A supplier registers itself on the portal over HTTP, as a browser does: wrong identifiers are refused with the
 * reason and leave nothing behind; a good registration mails a code, the login cannot bid before the code
 * confirms the address, a wrong code is counted, the right one makes the supplier bidder-capable without anybody's
 * approval; an identifier cannot be registered twice.
 */
@ProcurementSpringTest
class SupplierRegistrationTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  private static final Pattern CODE = Pattern.compile("验证码为：\\s+(\\d{6})");
  /** An enterprise's code, well-formed (check character G), registered only by this test class. */
  static final String KANGDA_CODE = "91320602MA1KD0001";

  @Autowired ProcessEngine engine;
  @Autowired Suppliers suppliers;
  @Autowired MailOutbox outbox;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @Test
  void identifiersWithAWrongCheckCharacterLengthLetterOrTypeAreRefusedAndNothingIsStored() {
    PortalClient browser = new PortalClient(port);
    String page = browser.get("/portal/register").body();
    assertThat(page).contains("供应商注册", "企业（含个体工商户）", "事业单位", "社会组织", "其他组织", "自然人", "统一社会信用代码",
        "无需任何部门审批");

    String account = "reg-" + UUID.randomUUID().toString().substring(0, 8);
    String good = withCheck("91320602MA1BAD001");
    char wrongCheck = good.charAt(17) == 'A' ? 'B' : 'A';
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put(good.substring(0, 17) + wrongCheck, "校验码不符");
    refused.put(good.substring(0, 16), "应为18位（现为16位）");
    refused.put("91320602MA1BAO00" + "1" + "X", "不使用的字母");
    refused.put(withCheck("52320602MJ5699001"), "不是企业或个体工商户的代码");
    for (var wrong : refused.entrySet()) {
      HttpResponse<String> answer = browser.submit("/portal/register", "/portal/register",
          application(account, "ENTERPRISE", wrong.getKey(), "企业名称" + account));
      assertThat(answer.statusCode()).as(wrong.getKey()).isEqualTo(400);
      assertThat(answer.body()).as(wrong.getKey()).contains("注册未提交", wrong.getValue())
          // what the supplier typed comes back, its password never
          .contains(account).doesNotContain("Secret123");
    }
    HttpResponse<String> person = browser.submit("/portal/register", "/portal/register",
        application(account, "NATURAL_PERSON", "320602198805120024", "张某"));
    assertThat(person.body()).contains("公民身份号码不正确");
    assertThat(engine.getIdentityService().createUserQuery().userId(account).count()).isZero();
    assertThat(suppliers.find(account)).isEmpty();
  }

  @Test
  void aSupplierRegistersConfirmsItsMailboxWithTheCodeAndMayThenLogInWithoutAnyApproval() throws Exception {
    String account = "reg-" + UUID.randomUUID().toString().substring(0, 8);
    String email = account + "@kangda.example";
    String code = withCheck(KANGDA_CODE.substring(0, 14) + account.substring(4, 7).toUpperCase()
        .replaceAll("[IOSVZ]", "1"));
    PortalClient browser = new PortalClient(port);
    Map<String, String> form = application(account, "ENTERPRISE", code.toLowerCase(), "南通康达养老服务有限公司");
    form.put("email", email);
    form.put("enterpriseSize", "SMALL");
    HttpResponse<String> registered = browser.submit("/portal/register", "/portal/register", form);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
    assertThat(PortalClient.location(registered)).isEqualTo("/portal/register/confirm?account=" + account);
    assertThat(browser.get("/portal/register/confirm?account=" + account).body()).contains("验证码已发送到 r***@");

    Suppliers.Supplier pending = suppliers.find(account).orElseThrow();
    assertThat(pending.status()).isEqualTo(Suppliers.PENDING);
    assertThat(pending.identifier()).isEqualTo(code);
    assertThat(pending.type()).isEqualTo(SupplierType.ENTERPRISE);
    // before the confirmation the login opens nothing: not a member of the suppliers' group
    assertThat(engine.getIdentityService().createUserQuery().userId(account).memberOfGroup(Groups.SOCIAL_ORGANISATION)
        .count()).isZero();
    assertThat(new PortalClient(port).logIn(account, "Secret123").statusCode()).isEqualTo(401);

    String mailed = codeMailedTo(email);
    String wrong = mailed.equals("000000") ? "111111" : "000000";
    HttpResponse<String> wrongAnswer = browser.submit("/portal/register/confirm?account=" + account,
        "/portal/register/confirm", Map.of("account", account, "code", wrong));
    assertThat(wrongAnswer.statusCode()).isEqualTo(400);
    assertThat(wrongAnswer.body()).contains("验证码不正确");
    assertThat(jdbc.queryForObject("SELECT failed_tries FROM supplier WHERE user_id = ?", Integer.class, account))
        .isEqualTo(1);

    HttpResponse<String> confirmed = browser.submit("/portal/register/confirm?account=" + account,
        "/portal/register/confirm", Map.of("account", account, "code", mailed));
    assertThat(confirmed.statusCode()).isEqualTo(302);
    assertThat(PortalClient.location(confirmed)).isEqualTo("/portal/login");
    assertThat(browser.get("/portal/login").body()).contains("注册已确认");
    assertThat(suppliers.find(account).orElseThrow().confirmed()).isTrue();

    PortalClient supplier = new PortalClient(port);
    assertThat(supplier.logIn(account, "Secret123").statusCode()).isEqualTo(302);
    assertThat(supplier.get("/portal/bidder").body()).contains("我的投标", "南通康达养老服务有限公司");

    // the same credit code cannot be registered a second time, under another account
    Map<String, String> again = application("reg-" + UUID.randomUUID().toString().substring(0, 8), "ENTERPRISE",
        code, "冒用者");
    HttpResponse<String> duplicate = new PortalClient(port).submit("/portal/register", "/portal/register", again);
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.body()).contains("该统一社会信用代码已在平台注册");
  }

  static Map<String, String> application(String account, String type, String identifier, String name) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("type", type);
    form.put("name", name);
    form.put("identifier", identifier);
    form.put("contactPerson", "刘康");
    form.put("contactPhone", "0513-85001234");
    form.put("email", account + "@supplier.example");
    form.put("userId", account);
    form.put("password", "Secret123");
    form.put("truthful", "on");
    return form;
  }

  /** The 18-character credit code with the check character its 17 characters need (GB 32100-2015). */
  static String withCheck(String body) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += alphabet.indexOf(body.charAt(i)) * weights[i];
    }
    return body + alphabet.charAt((31 - sum % 31) % 31);
  }

  private String codeMailedTo(String address) throws Exception {
    // one mail in the outbox for the address, sent as the dispatcher sends it (a registration has no project)
    assertThat(outbox.findByRecipient(address)).hasSize(1);
    new MailDeliveries(engine).deliver(null);
    MimeMessage mail = MailDeliveries.mailsTo(greenMail, address).stream().findFirst().orElseThrow();
    assertThat(MailDeliveries.subject(mail)).contains("注册验证码");
    Matcher code = CODE.matcher(mail.getContent().toString());
    assertThat(code.find()).as(mail.getContent().toString()).isTrue();
    return code.group(1);
  }
}
