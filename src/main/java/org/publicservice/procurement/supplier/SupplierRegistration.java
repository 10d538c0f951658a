package org.publicservice.procurement.supplier;

import static org.publicservice.procurement.purchase.FormRules.reject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.notification.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supplier registers itself on the portal and confirms its e-mail address with a mailed code; the confirmation
 * makes its login a member of group social-org (承接主体), which is all a supplier needs to bid. Nobody approves it:
 * 财库〔2019〕38号 forbids making entry to government procurement depend on an admission to a supplier pool
 * (一（二）) or on a registration beyond what is necessary (一（三）), and the law asks no more of a supplier than what
 * each purchase checks (政府采购法第二十二条; qualification and credit are examined in every purchase, 87号令第四十四条,
 * 财库〔2016〕125号). What the platform does check before it lets a supplier in is what is necessary for electronic
 * bidding: that its identifier is well-formed (the check character, GB 32100-2015 / GB 11643-1999) and not already
 * registered, and that the mailbox it gave is its own, since notices and receipts go there. An administrator can
 * still remove a fraudulent account in Admin; false statements are dealt with in the purchase (财库〔2020〕46号第二十条).
 */
@Service
public class SupplierRegistration {

  static final String CODE_TEMPLATE = "supplier-registration-code";
  static final int MAX_TRIES = 5;
  static final Duration CODE_VALIDITY = Duration.ofHours(24);
  static final Duration CODE_INTERVAL = Duration.ofMinutes(1);
  static final int MAX_NAME = 200;
  static final int MAX_CONTACT = 50;
  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{6,19}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a supplier fills in to register. */
  public record Application(String userId, String password, String name, String type, String identifier,
      String enterpriseSize, String contactPerson, String contactPhone, String email, boolean eligibleInstitution,
      boolean truthful) {
  }

  /** How a confirmation ended; a wrong code is not an exception, so that the failed try is counted. */
  public enum Confirmation { CONFIRMED, WRONG_CODE }

  private final Suppliers suppliers;
  private final IdentityService identity;
  private final Notifications notifications;
  private final String portalUrl;

  public SupplierRegistration(Suppliers suppliers, @Lazy IdentityService identity, Notifications notifications,
      @Value("${procurement.public-url}") String publicUrl) {
    this.suppliers = suppliers;
    this.identity = identity;
    this.notifications = notifications;
    this.portalUrl = publicUrl.replaceAll("/+$", "") + "/portal/register/confirm";
  }

  /**
   * Registers the supplier, not yet bidder-capable: creates its login (without any group) and the register's row,
   * and mails the confirmation code. Every refusal names the field and changes nothing.
   */
  @Transactional
  public Suppliers.Supplier register(Application application) {
    SupplierType type = SupplierType.parse(application.type());
    if (type == null) {
      throw reject("type", "请选择供应商类型。");
    }
    String name = required(application.name(), "name", type == SupplierType.NATURAL_PERSON ? "姓名" : "供应商名称",
        MAX_NAME);
    String identifier = CreditCode.normalised(application.identifier());
    if (identifier.isEmpty()) {
      throw reject("identifier", "请填写" + type.identifierLabel() + "。");
    }
    if (!type.fits(identifier)) {
      throw reject("identifier", identifierProblem(type, identifier));
    }
    OffsetDateTime now = now();
    Optional<Suppliers.Supplier> sameIdentifier = suppliers.findByIdentifier(identifier);
    if (sameIdentifier.isPresent()) {
      Suppliers.Supplier earlier = sameIdentifier.get();
      if (earlier.confirmed() || stillWaiting(earlier.userId(), now)) {
        throw reject("identifier", "该" + type.identifierLabel() + "已在平台注册" + (earlier.confirmed() ? ""
            : "，正在等待邮箱确认（请查收确认邮件，或在" + CODE_VALIDITY.toHours() + "小时后重新注册）")
            + "。遗失账号或密码的，请联系平台管理员。");
      }
      forget(earlier.userId());
    }
    EnterpriseSize size = EnterpriseSize.parse(application.enterpriseSize());
    if (type.mayDeclareSme() && size == null) {
      throw reject("enterpriseSize", "企业请选择企业规模（大型、中型、小型或微型，按国务院批准的中小企业划分标准）。");
    }
    if (!type.mayDeclareSme()) {
      size = null;
    }
    if (type == SupplierType.INSTITUTION && !application.eligibleInstitution()) {
      throw reject("eligibleInstitution", "事业单位须确认本单位为公益二类或从事生产经营活动的事业单位：公益一类事业单位不能作为政府购买服务的"
          + "承接主体（政府购买服务管理办法第六条、第八条）。");
    }
    String contact = required(application.contactPerson(), "contactPerson", "联系人", MAX_CONTACT);
    String phone = required(application.contactPhone(), "contactPhone", "联系电话", 30);
    if (!PHONE.matcher(phone).matches()) {
      throw reject("contactPhone", "联系电话格式不正确，请填写手机号码或带区号的固定电话，如 0513-85000000。");
    }
    String email = required(application.email(), "email", "电子邮箱", 254).toLowerCase(java.util.Locale.ROOT);
    if (!EMAIL.matcher(email).matches()) {
      throw reject("email", "电子邮箱格式不正确。");
    }
    String userId = application.userId() == null ? "" : application.userId().strip();
    if (!USER_ID.matcher(userId).matches()) {
      throw reject("userId", "登录账号应为3至64位英文字母、数字、点、下划线或连字符，以字母或数字开头。");
    }
    String password = application.password() == null ? "" : application.password();
    if (password.length() < 8 || password.length() > 128 || !password.chars().anyMatch(Character::isLetter)
        || !password.chars().anyMatch(Character::isDigit)) {
      throw reject("password", "密码应为8至128位，并同时包含字母和数字。");
    }
    if (password.equalsIgnoreCase(userId)) {
      throw reject("password", "密码不能与登录账号相同。");
    }
    if (!application.truthful()) {
      throw reject("truthful", "请确认所填信息真实、准确；提供虚假材料参加政府采购的，依法承担法律责任（政府采购法第七十七条）。");
    }

    suppliers.find(userId).filter(s -> !s.confirmed() && !stillWaiting(s.userId(), now))
        .ifPresent(s -> forget(s.userId()));
    if (identity.createUserQuery().userId(userId).count() > 0) {
      throw reject("userId", "登录账号“" + userId + "”已被使用，请换一个。");
    }

    User user = identity.newUser(userId);
    user.setFirstName(name);
    user.setLastName("");
    user.setEmail(email);
    user.setPassword(password);
    identity.saveUser(user);
    Suppliers.Supplier supplier = new Suppliers.Supplier(userId, name, type, identifier, size, contact, phone, email,
        Suppliers.PENDING, now, null);
    String code = newCode();
    OffsetDateTime expires = now.plus(CODE_VALIDITY);
    suppliers.insert(supplier, hash(userId, code), now, expires);
    mailCode(supplier.userId(), name, email, code, expires, now);
    return supplier;
  }

  /** Mails a new code to a registration still waiting for its confirmation. */
  @Transactional
  public void resendCode(String userId) {
    Suppliers.PendingCode pending = pendingOf(userId);
    OffsetDateTime now = now();
    if (pending.sentAt() != null && now.isBefore(pending.sentAt().plus(CODE_INTERVAL))) {
      throw reject("code", "验证码刚刚已发送，请查收邮件；如未收到，请" + CODE_INTERVAL.toSeconds() + "秒后再试。");
    }
    String code = newCode();
    OffsetDateTime expires = now.plus(CODE_VALIDITY);
    suppliers.newCode(userId, hash(userId, code), now, expires);
    Suppliers.Supplier supplier = suppliers.find(userId).orElseThrow();
    mailCode(userId, supplier.name(), pending.email(), code, expires, now);
  }

  /**
   * Confirms the registration with the mailed code: the login joins group social-org and may bid from now on. A
   * wrong code is counted (and committed); after {@value #MAX_TRIES} wrong codes a new one must be requested.
   */
  @Transactional
  public Confirmation confirm(String userId, String typedCode) {
    Suppliers.PendingCode pending = pendingOf(userId);
    String code = typedCode == null ? "" : typedCode.replaceAll("\\s", "");
    if (code.isEmpty()) {
      throw reject("code", "请填写邮件中的6位验证码。");
    }
    if (pending.expiresAt() == null || !now().isBefore(pending.expiresAt())) {
      throw reject("code", "验证码已过期，请重新获取验证码。");
    }
    if (pending.failedTries() >= MAX_TRIES) {
      throw reject("code", "验证码输错次数过多，已失效，请重新获取验证码。");
    }
    if (!MessageDigest.isEqual(hash(userId, code).getBytes(StandardCharsets.US_ASCII),
        pending.codeHash().getBytes(StandardCharsets.US_ASCII))) {
      suppliers.failedTry(userId);
      return Confirmation.WRONG_CODE;
    }
    suppliers.markConfirmed(userId, now());
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.SOCIAL_ORGANISATION).count() == 0) {
      identity.createMembership(userId, Groups.SOCIAL_ORGANISATION);
    }
    return Confirmation.CONFIRMED;
  }

  private Suppliers.PendingCode pendingOf(String userId) {
    String id = userId == null ? "" : userId.strip();
    Suppliers.PendingCode pending = suppliers.codeOf(id)
        .orElseThrow(() -> reject("userId", "没有找到账号“" + id + "”的注册申请，请核对登录账号或重新注册。"));
    if (Suppliers.CONFIRMED.equals(pending.status())) {
      throw reject("userId", "该账号的注册已经确认，请直接登录。");
    }
    return pending;
  }

  private boolean stillWaiting(String userId, OffsetDateTime now) {
    return suppliers.codeOf(userId).map(p -> p.expiresAt() != null && now.isBefore(p.expiresAt())).orElse(false);
  }

  /** Removes an expired, never confirmed registration and its login. */
  private void forget(String userId) {
    suppliers.deletePending(userId);
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.SOCIAL_ORGANISATION).count() == 0
        && identity.createUserQuery().userId(userId).count() > 0
        && identity.createGroupQuery().groupMember(userId).count() == 0) {
      identity.deleteUser(userId);
    }
  }

  private void mailCode(String userId, String name, String email, String code, OffsetDateTime expires,
      OffsetDateTime now) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("supplierName", name);
    model.put("userId", userId);
    model.put("confirmationCode", code);
    model.put("validUntil", MINUTE.format(expires.atZoneSameInstant(ProcurementTime.ZONE)));
    model.put("confirmLink", portalUrl);
    notifications.toAddress(email, CODE_TEMPLATE, CODE_TEMPLATE + ":" + userId + ":" + now.toInstant(), model);
  }

  private static String identifierProblem(SupplierType type, String identifier) {
    if (type == SupplierType.NATURAL_PERSON) {
      return "公民身份号码不正确：应为18位，出生日期有效，最后一位校验码正确（GB 11643）。";
    }
    if (!CreditCode.isValidCreditCode(identifier)) {
      return identifier.length() != 18 ? "统一社会信用代码应为18位（现为" + identifier.length() + "位）。"
          : "统一社会信用代码不正确：含有不使用的字母（I、O、S、V、Z）或校验码不符（GB 32100-2015），请核对营业执照或登记证书。";
    }
    return switch (type) {
      case ENTERPRISE -> "该统一社会信用代码不是企业或个体工商户的代码（应以9开头，由市场监管部门登记）。请核对供应商类型。";
      case INSTITUTION -> "该统一社会信用代码不是事业单位的代码（应以1开头，由机构编制部门登记）。请核对供应商类型。";
      case SOCIAL_ORGANISATION -> "该统一社会信用代码不是社会组织的代码（应以5开头，由民政部门登记）。请核对供应商类型。";
      default -> "该统一社会信用代码属于企业、事业单位或社会组织，请选择相应的供应商类型。";
    };
  }

  private static String required(String text, String field, String label, int max) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      throw reject(field, "请填写" + label + "。");
    }
    if (value.length() > max) {
      throw reject(field, label + "不能超过" + max + "个字。");
    }
    return value;
  }

  private static String newCode() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  static String hash(String userId, String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(("supplier-registration:" + userId + ":" + code).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime();
  }
}
