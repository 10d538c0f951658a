package org.publicservice.procurement.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.award.BondRefunds;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.disclosure.ProjectStatus;
import org.publicservice.procurement.disclosure.PublicPlans;
import org.publicservice.procurement.disclosure.PublicProjects;
import org.publicservice.procurement.participation.CommentRefusedException;
import org.publicservice.procurement.participation.CommentVariables;
import org.publicservice.procurement.participation.IntentionCommentDesk;
import org.publicservice.procurement.participation.IntentionComments;
import org.publicservice.procurement.planning.ProcurementMethod;
import org.publicservice.procurement.planning.ServiceCategory;
import org.publicservice.procurement.portal.PortalViews.Option;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.tender.BidBox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public disclosure portal (信息公开): anyone reads every notice of the register and each project's public
 * facts, without logging in. It reads only the register and the public columns of the plans; the one thing it
 * takes in is a resident's comment on an open procurement intention, which goes to the department and is never
 * shown (only the number of comments is).
 */
@Controller
@PortalPage
public class PortalController {

  static final int HOME_NOTICES = 10;
  private static final Pattern PROJECT_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");

  /** When this session sent its recent comments (engine clock, epoch milliseconds); the session starts with the
   * first comment, reading never opens one. */
  static final String COMMENT_TIMES = "portal.commentTimes";
  static final int COMMENTS_PER_SESSION = 3;
  static final long SESSION_WINDOW_MILLIS = 10 * 60 * 1000L;

  private final DisclosureRegister register;
  private final PublicPlans plans;
  private final IntentionCommentDesk commentDesk;
  private final IntentionComments comments;
  private final PublicOrganisations organisations;
  private final CommentFormTokens formTokens;
  private final BidBox bidBox;
  private final PublicProjects projects;
  private final BondRefunds bondRefunds;

  public PortalController(DisclosureRegister register, PublicPlans plans, IntentionCommentDesk commentDesk,
      IntentionComments comments, PublicOrganisations organisations, CommentFormTokens formTokens, BidBox bidBox,
      PublicProjects projects, BondRefunds bondRefunds) {
    this.projects = projects;
    this.bondRefunds = bondRefunds;
    this.formTokens = formTokens;
    this.bidBox = bidBox;
    this.register = register;
    this.plans = plans;
    this.commentDesk = commentDesk;
    this.comments = comments;
    this.organisations = organisations;
  }

  @GetMapping("/portal")
  public String home(Model model) {
    // the calls' public terms only: how many bids arrived is no reader's business before the opening
    model.addAttribute("tenders", bidBox.openCalls().stream().map(PortalViews::openTender).toList());
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
    // a later page needs the count for its links anyway; knowing it, the register reads an older page from the end
    long total = search.offset() > 0 ? register.count(search.query()) : -1;
    var found = register.search(search.query(), search.offset(), SearchParameters.PAGE_SIZE, total);
    paging(model, search, found.size(), total >= 0 ? () -> total : () -> register.count(search.query()));
    model.addAttribute("notices", found.stream().map(PortalViews::notice).toList());
    model.addAttribute("types", Arrays.stream(NoticeType.values())
        .map(t -> new Option(t.name(), t.label())).toList());
    model.addAttribute("categories", Arrays.stream(ServiceCategory.values())
        .map(c -> new Option(c.name(), c.label())).toList());
    model.addAttribute("publishers", named(register.publishers()));
    model.addAttribute("years", years());
    return "portal/notices";
  }

  @GetMapping("/portal/projects")
  public String projects(@RequestParam(name = "q", required = false) String keyword,
      @RequestParam(required = false) String category, @RequestParam(required = false) String department,
      @RequestParam(required = false) String year, @RequestParam(required = false) String method,
      @RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
    ProjectSearch search = ProjectSearch.parse(keyword, category, department, year, method, status, page);
    var found = projects.search(search.query(), search.offset(), SearchParameters.PAGE_SIZE);
    paging(model, search, found.size(), () -> projects.count(search.query()));
    model.addAttribute("projects", found.stream().map(PortalViews::project).toList());
    model.addAttribute("categories", Arrays.stream(ServiceCategory.values())
        .map(c -> new Option(c.name(), c.label())).toList());
    model.addAttribute("departments", named(projects.departments()));
    model.addAttribute("methods", Arrays.stream(ProcurementMethod.values())
        .map(m -> new Option(m.name(), m.label())).toList());
    model.addAttribute("statuses", Arrays.stream(ProjectStatus.values())
        .map(s -> new Option(s.name(), s.label())).toList());
    int thisYear = ProcurementTime.today().getYear();
    int first = projects.firstApproval()
        .map(at -> at.atZoneSameInstant(ProcurementTime.ZONE).getYear()).orElse(thisYear);
    model.addAttribute("years", yearsFrom(first));
    return "portal/projects";
  }

  /**
   * What a paged list shows around its rows (templates/portal/layout :: pager). The number of matches: a first page
   * that is not full holds them all, so only other pages are counted.
   */
  private static void paging(Model model, ListSearch search, int found, LongSupplier count) {
    int pageSize = SearchParameters.PAGE_SIZE;
    long total = search.offset() == 0 && found < pageSize ? found : count.getAsLong();
    int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
    model.addAttribute("search", search);
    model.addAttribute("total", total);
    model.addAttribute("pages", pages);
    model.addAttribute("pageLinks", SearchParameters.pageLinks(search.page(), pages));
  }

  @GetMapping("/portal/notices/{id}")
  public String notice(@PathVariable String id, Model model) {
    var notice = parseId(id).flatMap(register::find)
        .orElseThrow(() -> PortalRequestException.notFound("没有找到这条公告，它可能不存在。"));
    model.addAttribute("notice", PortalViews.notice(notice));
    model.addAttribute("organisations", organisations.namedIn(notice));
    model.addAttribute("bidOpen", bidBox.takesBids(notice.projectNumber()));
    return "portal/notice";
  }

  @GetMapping("/portal/projects/{projectNumber}")
  public String project(@PathVariable String projectNumber,
      @RequestParam(name = "comment", required = false) String comment, Model model) {
    projectPage(projectNumber, model);
    model.addAttribute("commentSent", "sent".equals(comment));
    model.addAttribute("commentForm", CommentForm.EMPTY);
    return "portal/project";
  }

  /** What the resident typed, shown again (escaped) when the comment was refused. */
  public record CommentForm(String name, String text, String email) {
    static final CommentForm EMPTY = new CommentForm("", "", "");
  }

  /**
   * A resident's comment on the project's procurement intention. Accepted: the department gets a task and the
   * reader is sent back to the project page (post/redirect/get). Refused: the project page again with the reason,
   * the typed text and the fitting status; nothing is stored.
   */
  @PostMapping("/portal/projects/{projectNumber}/comments")
  public String comment(@PathVariable String projectNumber,
      @RequestParam(required = false) String name, @RequestParam(required = false) String text,
      @RequestParam(required = false) String email, @RequestParam(required = false) String website,
      @RequestParam(required = false) String token, HttpServletRequest request, HttpServletResponse response,
      Model model) {
    projectPage(projectNumber, model);
    model.addAttribute("commentSent", false);
    CommentForm form = new CommentForm(limited(name), limited(text), limited(email));
    model.addAttribute("commentForm", form);
    var period = (IntentionCommentDesk.Period) model.getAttribute("commentPeriod");
    if (!period.open()) {
      return refused(response, model, 409, period.reason());
    }
    if (!formTokens.isValid(projectNumber, token)) {
      return refused(response, model, 403, "页面已过期或不是从本站提交的，请刷新页面后重新提交意见。");
    }
    if (website != null && !website.isEmpty()) {
      // the field is hidden from people; only a program that fills every field fills it
      return refused(response, model, 400, "提交未被接受。");
    }
    HttpSession session = request.getSession(true);
    long now = ClockUtil.getCurrentTime().getTime();
    List<Long> recent = recentComments(session, now);
    if (recent.size() >= COMMENTS_PER_SESSION) {
      return refused(response, model, 429, "提交过于频繁，请十分钟后再试。");
    }
    try {
      commentDesk.receive(projectNumber, name, text, email, commentDesk.clientKey(request.getRemoteAddr()));
    } catch (CommentRefusedException e) {
      int status = switch (e.reason()) {
        case UNKNOWN_PROJECT -> 404;
        case CLOSED -> 409;
        case INVALID -> 400;
        case TOO_MANY -> 429;
      };
      return refused(response, model, status, e.getMessage());
    }
    recent.add(now);
    session.setAttribute(COMMENT_TIMES, new ArrayList<>(recent));
    return "redirect:/portal/projects/" + projectNumber + "?comment=sent#comment";
  }

  private String refused(HttpServletResponse response, Model model, int status, String message) {
    response.setStatus(status);
    model.addAttribute("commentError", message);
    return "portal/project";
  }

  private static List<Long> recentComments(HttpSession session, long now) {
    Object stored = session.getAttribute(COMMENT_TIMES);
    List<Long> times = new ArrayList<>();
    if (stored instanceof List<?> list) {
      for (Object time : list) {
        if (time instanceof Long at && at > now - ProcurementTime.forPeople(Duration.ofMillis(SESSION_WINDOW_MILLIS)).toMillis() && at <= now) {
          times.add(at);
        }
      }
    }
    return times;
  }

  /** Echoes at most this much of what was typed, so that a huge post cannot blow up the answer page. */
  private static String limited(String text) {
    if (text == null) {
      return "";
    }
    int max = CommentVariables.MAX_TEXT + 1000;
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** The project's plan, notices and comment box; 404 for a project nobody published anything about. */
  private void projectPage(String projectNumber, Model model) {
    if (!PROJECT_NUMBER.matcher(projectNumber).matches()) {
      throw PortalRequestException.notFound("没有找到项目编号为该值的项目。");
    }
    var plan = plans.find(projectNumber).map(PortalViews::plan);
    var notices = register.findByProject(projectNumber).stream().map(PortalViews::notice).toList();
    if (plan.isEmpty() && notices.isEmpty()) {
      throw PortalRequestException.notFound("没有找到项目" + projectNumber + "，请核对项目编号。");
    }
    model.addAttribute("projectNumber", projectNumber);
    model.addAttribute("bidOpen", bidBox.takesBids(projectNumber));
    model.addAttribute("plan", plan.orElse(null));
    model.addAttribute("status", projects.status(projectNumber).map(ProjectStatus::label).orElse(null));
    model.addAttribute("notices", notices);
    // each bond refund with its date and whether it kept the period (实施条例第三十三条, 87号令第三十八条)
    model.addAttribute("bondRefunds", bondRefunds.publicRefunds(projectNumber));
    var period = commentDesk.period(projectNumber)
        .orElse(new IntentionCommentDesk.Period(false, "本项目不征求公众意见。"));
    model.addAttribute("commentPeriod", period);
    model.addAttribute("commentCount", comments.countFor(projectNumber));
    model.addAttribute("commentMaxLength", CommentVariables.MAX_TEXT);
    if (period.open()) {
      model.addAttribute("commentToken", formTokens.issue(projectNumber));
    }
  }

  /** Every year from the first publication to this one, newest first. */
  private List<Option> years() {
    int thisYear = ProcurementTime.today().getYear();
    return yearsFrom(register.publicationRange()
        .map(range -> range[0].atZoneSameInstant(ProcurementTime.ZONE).getYear()).orElse(thisYear));
  }

  /** Every year from the first to this one, newest first. */
  private static List<Option> yearsFrom(int first) {
    int thisYear = ProcurementTime.today().getYear();
    return IntStream.rangeClosed(Math.min(first, thisYear), thisYear).boxed()
        .sorted(java.util.Comparator.reverseOrder()).map(year -> new Option(year.toString(), year + "年")).toList();
  }

  /** Names to choose from (publishers, departments), each its own value. */
  private static List<Option> named(List<String> names) {
    return names.stream().map(name -> new Option(name, name)).toList();
  }

  private static java.util.Optional<Long> parseId(String id) {
    if (!id.matches("[0-9]{1,18}")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Long.parseLong(id));
  }
}
