package org.publicservice.procurement.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.publicservice.procurement.supplier.EnterpriseSize;
import org.publicservice.procurement.supplier.SupplierRegistration;
import org.publicservice.procurement.supplier.SupplierType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 供应商注册: any supplier registers itself (enterprise, institution, social organisation, other organisation or
 * natural person), confirms its e-mail address with the mailed code and may then log in and bid. The register
 * ({@link SupplierRegistration}) decides and refuses in Chinese; a refusal comes back next to the field with what
 * the supplier typed (never the password), nothing stored.
 */
@Controller
class SupplierRegistrationController {

  private static final List<String> FIELDS = List.of("userId", "password", "name", "type", "identifier",
      "enterpriseSize", "contactPerson", "contactPhone", "email", "eligibleInstitution", "truthful");

  private final SupplierRegistration registration;
  /** Registrations one network address may start in an hour: a bound on mails sent to addresses typed by others. */
  private final int perAddressPerHour;
  private final Map<String, Deque<Instant>> recentByAddress = new ConcurrentHashMap<>();

  SupplierRegistrationController(SupplierRegistration registration,
      @Value("${procurement.portal.registrations-per-address-per-hour:10}") int perAddressPerHour) {
    this.registration = registration;
    this.perAddressPerHour = perAddressPerHour;
  }

  record TypeOption(String value, String label) {
  }

  @GetMapping("/portal/register")
  String form(HttpServletRequest request, Model model) {
    return page(model, request, new LinkedHashMap<>(), Map.of(), null);
  }

  @PostMapping("/portal/register")
  String register(@RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
      Model model, RedirectAttributes redirect) {
    Map<String, String> typed = new LinkedHashMap<>();
    FIELDS.forEach(field -> typed.put(field, form.getOrDefault(field, "")));
    if (recent(request.getRemoteAddr()).size() >= perAddressPerHour) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      return page(model, request, typed, Map.of(), "注册未提交：本网络地址注册次数过多，请一小时后再试。");
    }
    try {
      var supplier = registration.register(new SupplierRegistration.Application(typed.get("userId"),
          typed.get("password"), typed.get("name"), typed.get("type"), typed.get("identifier"),
          typed.get("enterpriseSize"), typed.get("contactPerson"), typed.get("contactPhone"), typed.get("email"),
          "on".equals(typed.get("eligibleInstitution")) || "true".equals(typed.get("eligibleInstitution")),
          "on".equals(typed.get("truthful")) || "true".equals(typed.get("truthful"))));
      Deque<Instant> recent = recent(request.getRemoteAddr());
      synchronized (recent) {
        recent.addLast(Instant.now());
      }
      redirect.addFlashAttribute("done", "注册信息已提交。验证码已发送到 " + masked(supplier.email())
          + "，请在24小时内输入验证码完成确认。");
      return "redirect:/portal/register/confirm?account=" + supplier.userId();
    } catch (SubmissionRejectedException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      Map<String, String> problems = e.getField() == null ? Map.of() : Map.of(e.getField(), e.getMessage());
      return page(model, request, typed, problems, "注册未提交：" + e.getMessage());
    }
  }

  @GetMapping("/portal/register/confirm")
  String confirmForm(@RequestParam(required = false) String account, HttpServletRequest request, Model model) {
    return confirmPage(model, request, account, null);
  }

  @PostMapping("/portal/register/confirm")
  String confirm(@RequestParam(required = false) String account, @RequestParam(required = false) String code,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    try {
      if (registration.confirm(account, code) == SupplierRegistration.Confirmation.CONFIRMED) {
        redirect.addFlashAttribute("done", "注册已确认。请用登录账号和密码登录，即可在“我的投标”中投标。");
        return "redirect:/portal/login";
      }
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return confirmPage(model, request, account, "验证码不正确，请核对邮件中的6位数字。");
    } catch (SubmissionRejectedException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return confirmPage(model, request, account, e.getMessage());
    }
  }

  @PostMapping("/portal/register/resend")
  String resend(@RequestParam(required = false) String account, HttpServletRequest request,
      HttpServletResponse response, Model model, RedirectAttributes redirect) {
    try {
      registration.resendCode(account);
      redirect.addFlashAttribute("done", "新的验证码已发送到注册邮箱，原验证码作废。");
      return "redirect:/portal/register/confirm?account=" + account.strip();
    } catch (SubmissionRejectedException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return confirmPage(model, request, account, e.getMessage());
    }
  }

  private String page(Model model, HttpServletRequest request, Map<String, String> typed,
      Map<String, String> problems, String error) {
    typed.remove("password");
    model.addAttribute("form", typed);
    model.addAttribute("problems", problems);
    model.addAttribute("error", error);
    model.addAttribute("types", Arrays.stream(SupplierType.values())
        .map(t -> new TypeOption(t.name(), t.label())).toList());
    model.addAttribute("sizes", Arrays.stream(EnterpriseSize.values())
        .map(s -> new TypeOption(s.name(), s.label())).toList());
    model.addAttribute(CsrfTokens.MODEL_ATTRIBUTE, CsrfTokens.tokenOf(request.getSession()));
    return "portal/register";
  }

  private String confirmPage(Model model, HttpServletRequest request, String account, String error) {
    String shown = account == null ? "" : account.strip();
    model.addAttribute("account", shown.length() > 64 ? shown.substring(0, 64) : shown);
    model.addAttribute("error", error);
    model.addAttribute(CsrfTokens.MODEL_ATTRIBUTE, CsrfTokens.tokenOf(request.getSession()));
    return "portal/register-confirm";
  }

  /** The registrations of the last hour from this address. */
  private Deque<Instant> recent(String address) {
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    Deque<Instant> recent = recentByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (recent) {
      while (!recent.isEmpty() && recent.peekFirst().isBefore(hourAgo)) {
        recent.pollFirst();
      }
    }
    return recent;
  }

  private static String masked(String email) {
    int at = email.indexOf('@');
    return at <= 1 ? email : email.charAt(0) + "***" + email.substring(at);
  }
}
