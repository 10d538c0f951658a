package org.publicservice.procurement.rating;

import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.publicservice.procurement.portal.CommentFormTokens;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public's rating of a service under evaluation (公众参与): anyone reads which services may be rated; service
 * recipients rate with the code their department handed them, residents with an e-mail address they confirm with
 * a mailed code. Every answer is a page in the portal's style; a refused rating (repeated, late, bad input) is the
 * form again with the reason, status 400, and stores nothing.
 */
@Controller
public class RatingController {

  /** Rating tokens are signed for "rating:" + project number, never valid as a comment form's token. */
  static final String TOKEN_SCOPE = "rating:";

  private static final Pattern PROJECT_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");

  private final ServiceRatings ratings;
  private final CommentFormTokens tokens;

  public RatingController(ServiceRatings ratings, CommentFormTokens tokens) {
    this.tokens = tokens;
    this.ratings = ratings;
  }

  /** One evaluation as the pages show it. */
  record WindowView(String projectNumber, String serviceName, String departmentName, String contractorName,
      List<String> indicators, String closesAt, boolean open) {
  }

  /** What the visitor entered, to show the form again as it was sent. */
  record Entered(Map<Integer, String> stars, String comment, String code, String email, String confirmationCode,
      boolean tellOutcome) {

    static Entered empty() {
      return new Entered(Map.of(), "", "", "", "", false);
    }

    /** The stars of indicator i as sent ("" when not rated): the template checks the matching radio button. */
    public String starsOf(int index) {
      return stars.getOrDefault(index, "");
    }
  }

  @GetMapping("/portal/ratings")
  public String open(Model model) {
    model.addAttribute("windows", ratings.openNow().stream().map(RatingController::view).toList());
    return "portal/ratings";
  }

  @GetMapping("/portal/ratings/{projectNumber}")
  public String form(@PathVariable String projectNumber, Model model) {
    RatingWindow window = window(projectNumber);
    return page(model, window, Entered.empty(), null, null);
  }

  /** Mails a confirmation code to the resident's address and shows the form again, with everything kept. */
  @PostMapping("/portal/ratings/{projectNumber}/email-code")
  public ModelAndView sendCode(@PathVariable String projectNumber, @RequestParam MultiValueMap<String, String> form,
      Model model) {
    RatingWindow window = window(projectNumber);
    Entered entered = entered(form, window);
    if (!fromOurForm(window, form)) {
      return expired(model, window, entered);
    }
    try {
      ratings.sendEmailCode(window.projectNumber(), entered.email());
    } catch (SubmissionRejectedException e) {
      return refused(model, window, entered, e.getMessage());
    }
    return new ModelAndView(page(model, window, entered, null,
        "验证码已发送到" + entered.email().strip() + "，请查收邮件后填写验证码并提交评价。"), model.asMap());
  }

  @PostMapping("/portal/ratings/{projectNumber}")
  public ModelAndView rate(@PathVariable String projectNumber, @RequestParam MultiValueMap<String, String> form,
      Model model) {
    RatingWindow window = window(projectNumber);
    Entered entered;
    try {
      entered = entered(form, window);
    } catch (SubmissionRejectedException e) {
      return refused(model, window, Entered.empty(), e.getMessage());
    }
    if (!fromOurForm(window, form)) {
      return expired(model, window, entered);
    }
    try {
      Map<Integer, Integer> stars = stars(entered);
      RatingReceipt receipt;
      if (!entered.code().isBlank()) {
        receipt = ratings.rateWithCode(window.projectNumber(), entered.code(), stars, entered.comment());
      } else if (!entered.email().isBlank()) {
        receipt = ratings.rateWithEmail(window.projectNumber(), entered.email(), entered.confirmationCode(), stars,
            entered.comment(), entered.tellOutcome());
      } else {
        throw new SubmissionRejectedException("code", "请填写评价码（服务对象），或填写电子邮箱并获取验证码（居民）。");
      }
      model.addAttribute("window", view(window));
      model.addAttribute("ratedAt", MINUTE.format(receipt.ratedAt()));
      model.addAttribute("notify", entered.tellOutcome() && entered.code().isBlank());
      return new ModelAndView("portal/rating-thanks", model.asMap());
    } catch (SubmissionRejectedException e) {
      return refused(model, window, entered, e.getMessage());
    }
  }

  @ExceptionHandler(RatingNotFound.class)
  ModelAndView notFound(RatingNotFound e) {
    var page = new ModelAndView("portal/error");
    page.setStatus(HttpStatus.NOT_FOUND);
    page.addObject("status", 404);
    page.addObject("heading", "页面不存在");
    page.addObject("message", e.getMessage());
    return page;
  }

  /** No evaluation for that project number. */
  static class RatingNotFound extends RuntimeException {
    RatingNotFound(String message) {
      super(message);
    }
  }

  private RatingWindow window(String projectNumber) {
    if (!PROJECT_NUMBER.matcher(projectNumber).matches()) {
      throw new RatingNotFound("没有找到该项目的服务评价。");
    }
    return ratings.latestOf(projectNumber)
        .orElseThrow(() -> new RatingNotFound("项目" + projectNumber + "没有服务评价，请核对项目编号。"));
  }

  /**
   * Residents act in nobody's name, so the rating form carries a signed form token like the comment form: another
   * site cannot post ratings or make the portal mail codes blindly. A closed window refuses on its own.
   */
  private boolean fromOurForm(RatingWindow window, MultiValueMap<String, String> form) {
    return !window.isOpenAt(ProcurementTime.now()) || tokens.isValid(TOKEN_SCOPE + window.projectNumber(), first(form, "formToken"));
  }

  private ModelAndView expired(Model model, RatingWindow window, Entered entered) {
    var page = new ModelAndView(page(model, window, entered, "页面已过期或提交来源无法确认，评价未被保存。请重新打开页面后再提交。",
        null), model.asMap());
    page.setStatus(HttpStatus.FORBIDDEN);
    return page;
  }

  private ModelAndView refused(Model model, RatingWindow window, Entered entered, String message) {
    var page = new ModelAndView(page(model, window, entered, message, null), model.asMap());
    page.setStatus(HttpStatus.BAD_REQUEST);
    return page;
  }

  private String page(Model model, RatingWindow window, Entered entered, String error, String info) {
    model.addAttribute("window", view(window));
    model.addAttribute("entered", entered);
    model.addAttribute("error", error);
    model.addAttribute("info", info);
    model.addAttribute("maxComment", ServiceRatings.MAX_COMMENT);
    model.addAttribute("formToken", tokens.issue(TOKEN_SCOPE + window.projectNumber()));
    return "portal/rating";
  }

  /** The form's fields; stars arrive as stars1..starsN, each "1".."5" or "" (not rated). */
  private static Entered entered(MultiValueMap<String, String> form, RatingWindow window) {
    Map<Integer, String> stars = new LinkedHashMap<>();
    for (int i = 1; i <= window.indicators().size(); i++) {
      String value = first(form, "stars" + i);
      if (!value.isBlank()) {
        stars.put(i, value.strip());
      }
    }
    return new Entered(stars, first(form, "comment"), first(form, "code"), first(form, "email"),
        first(form, "confirmationCode"), "on".equals(first(form, "notify")) || "true".equals(first(form, "notify")));
  }

  private static Map<Integer, Integer> stars(Entered entered) {
    Map<Integer, Integer> stars = new LinkedHashMap<>();
    entered.stars().forEach((index, value) -> {
      if (!value.matches("[1-5]")) {
        throw new SubmissionRejectedException("stars" + index, "每项指标的评分应为1至5星。");
      }
      stars.put(index, Integer.parseInt(value));
    });
    return stars;
  }

  private static String first(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value;
  }

  static WindowView view(RatingWindow window) {
    OffsetDateTime now = ProcurementTime.now();
    return new WindowView(window.projectNumber(), window.serviceName(), window.departmentName(),
        window.contractorName(), new ArrayList<>(window.indicators()),
        MINUTE.format(window.closesAt()), window.isOpenAt(now));
  }
}
