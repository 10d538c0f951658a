package org.publicservice.procurement.portal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.disclosure.PublicPlans;
import org.publicservice.procurement.form.ProcurementTime;
import org.publicservice.procurement.planning.ServiceCategory;
import org.publicservice.procurement.portal.PortalViews.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public disclosure portal (信息公开): anyone reads every notice of the register and each project's public
 * facts, without logging in. It only reads, and only the register and the public columns of the plans.
 */
@Controller
public class PortalController {

  static final int HOME_NOTICES = 10;
  private static final Pattern PROJECT_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");

  private final DisclosureRegister register;
  private final PublicPlans plans;

  public PortalController(DisclosureRegister register, PublicPlans plans) {
    this.register = register;
    this.plans = plans;
  }

  @GetMapping("/portal")
  public String home(Model model) {
    model.addAttribute("latest", register.latest(HOME_NOTICES).stream().map(PortalViews::notice).toList());
    model.addAttribute("intentions", register.openIntentions(HOME_NOTICES).stream()
        .map(notice -> new OpenIntention(PortalViews.notice(notice),
            plans.find(notice.projectNumber()).map(PortalViews::plan).orElse(null)))
        .toList());
    return "portal/home";
  }

  /** An intention still open for preparation, with its plan's figures when the plan is on file. */
  record OpenIntention(PortalViews.NoticeView notice, PortalViews.PlanView plan) {
  }

  @GetMapping("/portal/notices")
  public String notices(@RequestParam(name = "q", required = false) String keyword,
      @RequestParam(required = false) String type, @RequestParam(required = false) String year,
      @RequestParam(required = false) String publisher, @RequestParam(required = false) String category,
      @RequestParam(required = false) String page, Model model) {
    NoticeSearch search = NoticeSearch.parse(keyword, type, year, publisher, category, page);
    long total = register.count(search.query());
    int pages = (int) Math.max(1, (total + NoticeSearch.PAGE_SIZE - 1) / NoticeSearch.PAGE_SIZE);
    model.addAttribute("search", search);
    model.addAttribute("total", total);
    model.addAttribute("pages", pages);
    model.addAttribute("pageLinks", NoticeSearch.pageLinks(search.page(), pages));
    model.addAttribute("notices", search.page() > pages ? List.of()
        : register.search(search.query(), search.offset(), NoticeSearch.PAGE_SIZE).stream()
            .map(PortalViews::notice).toList());
    model.addAttribute("types", Arrays.stream(NoticeType.values())
        .map(t -> new Option(t.name(), t.label())).toList());
    model.addAttribute("categories", Arrays.stream(ServiceCategory.values())
        .map(c -> new Option(c.name(), c.label())).toList());
    model.addAttribute("publishers", register.publishers());
    model.addAttribute("years", years());
    return "portal/notices";
  }

  @GetMapping("/portal/notices/{id}")
  public String notice(@PathVariable String id, Model model) {
    var notice = parseId(id).flatMap(register::find)
        .orElseThrow(() -> PortalRequestException.notFound("没有找到这条公告，它可能不存在。"));
    model.addAttribute("notice", PortalViews.notice(notice));
    return "portal/notice";
  }

  @GetMapping("/portal/projects/{projectNumber}")
  public String project(@PathVariable String projectNumber, Model model) {
    if (!PROJECT_NUMBER.matcher(projectNumber).matches()) {
      throw PortalRequestException.notFound("没有找到项目编号为该值的项目。");
    }
    var plan = plans.find(projectNumber).map(PortalViews::plan);
    var notices = register.findByProject(projectNumber).stream().map(PortalViews::notice).toList();
    if (plan.isEmpty() && notices.isEmpty()) {
      throw PortalRequestException.notFound("没有找到项目" + projectNumber + "，请核对项目编号。");
    }
    model.addAttribute("projectNumber", projectNumber);
    model.addAttribute("plan", plan.orElse(null));
    model.addAttribute("notices", notices);
    return "portal/project";
  }

  /** Every year from the first publication to this one, newest first. */
  private List<Integer> years() {
    int thisYear = ProcurementTime.today().getYear();
    int first = register.publicationRange()
        .map(range -> range[0].atZoneSameInstant(ProcurementTime.ZONE).getYear()).orElse(thisYear);
    return IntStream.rangeClosed(Math.min(first, thisYear), thisYear).boxed()
        .sorted(java.util.Comparator.reverseOrder()).toList();
  }

  private static java.util.Optional<Long> parseId(String id) {
    if (!id.matches("[0-9]{1,18}")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Long.parseLong(id));
  }
}
