package org.publicservice.procurement.alert;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.publicservice.procurement.planning.ServiceCategory;
import org.publicservice.procurement.portal.PortalAccount;
import org.publicservice.procurement.portal.PortalPage;
import org.publicservice.procurement.portal.PortalRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 招标提醒 in the organisation's area: the logged-in supplier chooses the service categories and regions it serves.
 * The supplier is the session's (never a form field), the form carries the portal's CSRF token like every portal
 * form, and bad input is refused in Chinese with nothing stored and what was typed kept.
 */
@Controller
@PortalPage
class TenderAlertController {

  static final String PATH = "/portal/bidder/alerts";
  static final int MAX_REGIONS = 10;
  static final int MAX_REGION_LENGTH = 20;
  private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\s]+");
  private static final Pattern REGION = Pattern.compile("[\\p{IsHan}A-Za-z0-9·]+");

  record CategoryChoice(String code, String label, boolean chosen) {
  }

  private final TenderAlertSubscriptions subscriptions;

  TenderAlertController(TenderAlertSubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  @GetMapping(PATH)
  String page(HttpServletRequest request, Model model) {
    PortalAccount account = account(request);
    return page(model, Set.copyOf(subscriptions.categories(account.userId())),
        String.join("、", subscriptions.regions(account.userId())), List.of());
  }

  @PostMapping(PATH)
  String choose(@RequestParam(name = "category", required = false) List<String> categories,
      @RequestParam(name = "regions", required = false) String regions, HttpServletRequest request,
      HttpServletResponse response, Model model, RedirectAttributes redirect) {
    PortalAccount account = account(request);
    List<String> chosen = categories == null ? List.of() : categories;
    String typed = regions == null ? "" : regions.strip();
    List<String> problems = new ArrayList<>();
    Set<String> known = ServiceCategory.codes();
    chosen.stream().filter(code -> !known.contains(code)).findFirst()
        .ifPresent(code -> problems.add("没有这个服务类别，请从列表中选择。"));
    Set<String> regionList = new LinkedHashSet<>();
    if (!typed.isEmpty()) {
      regionList.addAll(Arrays.asList(SEPARATORS.split(typed)));
      regionList.remove("");
    }
    if (regionList.size() > MAX_REGIONS) {
      problems.add("最多填写" + MAX_REGIONS + "个地区（现有" + regionList.size() + "个）。");
    }
    regionList.stream().filter(r -> r.length() > MAX_REGION_LENGTH).findFirst()
        .ifPresent(r -> problems.add("每个地区名称不超过" + MAX_REGION_LENGTH + "个字。"));
    regionList.stream().filter(r -> !REGION.matcher(r).matches()).findFirst()
        .ifPresent(r -> problems.add("地区名称只能包含汉字、字母和数字，多个地区用逗号或顿号分隔。"));
    if (chosen.isEmpty() && !regionList.isEmpty()) {
      problems.add("请至少选择一个服务类别：只填写地区不会收到提醒。");
    }
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      Set<String> kept = new LinkedHashSet<>(chosen);
      kept.retainAll(known);
      return page(model, kept, typed.length() > 500 ? typed.substring(0, 500) : typed, problems);
    }
    subscriptions.choose(account.userId(), new LinkedHashSet<>(chosen), regionList);
    redirect.addFlashAttribute("done", chosen.isEmpty() ? "已保存：贵机构不再收到招标提醒邮件。"
        : "已保存：所选服务类别发布招标、磋商、谈判或单一来源公告及其澄清或修改公告时，将向贵机构的注册邮箱发送提醒邮件。");
    return "redirect:" + PATH;
  }

  private static String page(Model model, Set<String> chosen, String regions, List<String> problems) {
    model.addAttribute("categories", Arrays.stream(ServiceCategory.values())
        .map(c -> new CategoryChoice(c.name(), c.label(), chosen.contains(c.name()))).toList());
    model.addAttribute("regions", regions);
    model.addAttribute("problems", problems);
    return "portal/bidder/alerts";
  }

  private static PortalAccount account(HttpServletRequest request) {
    // the interceptor PortalSecurity let the request in only with an organisation's login
    return PortalAccount.of(request).orElseThrow(
        () -> new PortalRequestException(HttpStatus.FORBIDDEN, "请先以供应商账号登录。"));
  }
}
