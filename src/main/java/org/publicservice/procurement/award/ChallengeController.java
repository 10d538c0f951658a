package org.publicservice.procurement.award;

import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.publicservice.procurement.portal.PortalAccount;
import org.publicservice.procurement.portal.PortalPage;
import org.publicservice.procurement.portal.PortalRequestException;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 质疑 and 投诉 from the portal: a logged-in social organisation challenges the documents, the procedure or the result
 * of a purchase (政府采购法第五十二条, 94号令第十条、第十一条) through {@link Challenges}, and complains to finance
 * after an unsatisfying or missing reply (政府采购法第五十五条, 94号令第十七条) through {@link Complaints}; both decide
 * whether the filing is admissible and refuse in Chinese otherwise. The page also shows the organisation its own
 * result, its own challenges and complaints of the project with their replies and status, and nothing of any other
 * supplier.
 */
@Controller
@PortalPage
class ChallengeController {

  static final int MAX_GROUNDS = 4_000;
  private static final Pattern PROJECT_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");
  private static final Map<String, String> STATUS = Map.of(DisputeRecords.OPEN, "待答复", "REJECTED", "质疑不成立",
      "UPHELD", "质疑成立");
  private static final Map<String, String> COMPLAINT_STATUS = Map.of(DisputeRecords.OPEN, "财政部门审查中",
      DisputeRecords.AWAITING_COMPLETION, "待补正", DisputeRecords.ACCEPTED, "已受理，处理中",
      DisputeRecords.NOT_ACCEPTED, "不予受理", "REJECTED", "驳回投诉", "UPHELD", "投诉成立");

  private final Challenges challenges;
  private final Complaints complaints;
  private final DisputeRecords disputes;
  private final AwardResults results;

  ChallengeController(Challenges challenges, Complaints complaints, DisputeRecords disputes, AwardResults results) {
    this.challenges = challenges;
    this.complaints = complaints;
    this.disputes = disputes;
    this.results = results;
  }

  record OwnChallenge(String subject, String filedAt, String replyDeadline, String status, String grounds,
      String reply, String repliedAt, String complaintDeadline) {
  }

  record OwnComplaint(String filedAt, String status, String grounds, String outcome) {
  }

  record OwnResult(String rank, String totalScore, String price, String winnerName, boolean winner,
      String publishedAt) {
  }

  @GetMapping("/portal/bidder/challenges")
  String page(@RequestParam(required = false) String project, HttpServletRequest request, Model model) {
    String projectNumber = project == null || project.isBlank() ? "" : projectNumber(project);
    return page(model, account(request), projectNumber, "", null);
  }

  @PostMapping("/portal/bidder/challenges")
  String file(@RequestParam(required = false) String project, @RequestParam(required = false) String subject,
      @RequestParam(required = false) String grounds,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    PortalAccount account = account(request);
    String typed = grounds == null ? "" : grounds;
    String projectNumber = project == null ? "" : project.strip().toUpperCase(Locale.ROOT);
    String problem = null;
    if (projectNumber.isEmpty()) {
      problem = "请填写项目编号。";
    } else if (!PROJECT_NUMBER.matcher(projectNumber).matches()) {
      problem = "项目编号格式不正确，应如 NT-2026-0001。";
      projectNumber = "";
    } else if (subject == null || ChallengeSubject.of(subject).isEmpty()) {
      problem = "请选择质疑的对象（采购文件、采购过程或中标（成交）结果）。";
    } else if (typed.strip().isEmpty()) {
      problem = "请填写质疑事项及理由。";
    } else if (typed.strip().length() > MAX_GROUNDS) {
      problem = "质疑事项及理由不能超过" + MAX_GROUNDS + "个字（现有" + typed.strip().length() + "个字）。";
    }
    if (problem == null) {
      try {
        challenges.file(projectNumber, account.userId(), subject, typed);
      } catch (SubmissionRejectedException e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(model, account, projectNumber,
          typed.substring(0, Math.min(typed.length(), MAX_GROUNDS + 100)), "质疑未提交：" + problem);
    }
    redirect.addFlashAttribute("done", "质疑已提交。采购单位应在收到质疑后7个工作日内作出书面答复，答复将通过邮件通知贵机构，"
        + "并显示在本页。");
    return "redirect:" + UriComponentsBuilder.fromPath("/portal/bidder/challenges").queryParam("project", projectNumber)
        .encode().build().toUriString();
  }

  @PostMapping("/portal/bidder/complaints")
  String complain(@RequestParam(required = false) String project, @RequestParam(required = false) String grounds,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    PortalAccount account = account(request);
    String typed = grounds == null ? "" : grounds;
    String projectNumber = project == null ? "" : project.strip().toUpperCase(Locale.ROOT);
    String problem = null;
    if (!PROJECT_NUMBER.matcher(projectNumber).matches()) {
      problem = "项目编号格式不正确，应如 NT-2026-0001。";
      projectNumber = "";
    } else if (typed.strip().isEmpty()) {
      problem = "请填写投诉事项及理由。";
    } else if (typed.strip().length() > MAX_GROUNDS) {
      problem = "投诉事项及理由不能超过" + MAX_GROUNDS + "个字（现有" + typed.strip().length() + "个字）。";
    }
    if (problem == null) {
      try {
        complaints.file(projectNumber, account.userId(), typed);
      } catch (SubmissionRejectedException e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("complaintGrounds", typed.substring(0, Math.min(typed.length(), MAX_GROUNDS + 100)));
      model.addAttribute("complaintError", "投诉未提交：" + problem);
      return page(model, account, projectNumber, "", null);
    }
    redirect.addFlashAttribute("done", "投诉已提交财政部门。财政部门将在5个工作日内审查，受理后30个工作日内作出处理决定，"
        + "处理情况将通过邮件通知贵机构。");
    return "redirect:" + UriComponentsBuilder.fromPath("/portal/bidder/challenges").queryParam("project", projectNumber)
        .encode().build().toUriString();
  }

  private String page(Model model, PortalAccount account, String projectNumber, String grounds, String error) {
    model.addAttribute("project", projectNumber);
    model.addAttribute("grounds", grounds);
    model.addAttribute("error", error);
    model.addAttribute("maxGrounds", MAX_GROUNDS);
    model.addAttribute("result", projectNumber.isEmpty() ? null
        : results.ownResult(projectNumber, account.userId()).map(ChallengeController::view).orElse(null));
    model.addAttribute("challenges", projectNumber.isEmpty() ? List.of()
        : disputes.challengesOf(projectNumber).stream().filter(c -> account.userId().equals(c.bidder()))
            .map(ChallengeController::view).toList());
    model.addAttribute("complaints", projectNumber.isEmpty() ? List.of()
        : disputes.complaintsOf(projectNumber).stream().filter(c -> account.userId().equals(c.bidder()))
            .map(ChallengeController::view).toList());
    model.addAttribute("subjects", java.util.Arrays.stream(ChallengeSubject.values())
        .map(s -> Map.of("value", s.name(), "label", s.label())).toList());
    return "portal/bidder/challenges";
  }

  private static String projectNumber(String project) {
    String number = project.strip().toUpperCase(Locale.ROOT);
    if (!PROJECT_NUMBER.matcher(number).matches()) {
      throw PortalRequestException.badRequest("项目编号格式不正确，应如 NT-2026-0001。");
    }
    return number;
  }

  private static OwnChallenge view(DisputeRecords.Challenge challenge) {
    String status = STATUS.getOrDefault(challenge.status(), challenge.status());
    if (DisputeRecords.OPEN.equals(challenge.status()) && challenge.replyOverdueAt() != null) {
      status = "逾期未答复，可以投诉";
    }
    return new OwnChallenge(ChallengeSubject.of(challenge.subject()).map(ChallengeSubject::label).orElse(""),
        minute(challenge.filedAt()), minute(challenge.replyDeadline()), status, challenge.grounds(), challenge.reply(),
        minute(challenge.repliedAt()), minute(challenge.complaintDeadline()));
  }

  private static OwnComplaint view(DisputeRecords.Complaint complaint) {
    String outcome = complaint.decisionText();
    if (DisputeRecords.AWAITING_COMPLETION.equals(complaint.status())) {
      outcome = "需要补正：" + complaint.completionRequest() + "（补正期限" + minute(complaint.completionDue())
          + "，请在任务列表中办理“补正投诉材料”）";
    }
    return new OwnComplaint(minute(complaint.filedAt()),
        COMPLAINT_STATUS.getOrDefault(complaint.status(), complaint.status()), complaint.grounds(), outcome);
  }

  private static OwnResult view(AwardResults.OwnResult result) {
    return new OwnResult("第" + result.rank() + "名（共" + result.bidderCount() + "家）",
        result.totalScore() == null ? "" : result.totalScore().toPlainString(),
        result.price() == null ? "" : Money.yuan(result.price()), result.winnerName(), result.winner(),
        minute(result.publishedAt()));
  }

  private static String minute(OffsetDateTime time) {
    return time == null ? "" : MINUTE.format(time);
  }

  private static PortalAccount account(HttpServletRequest request) {
    return PortalAccount.of(request).orElseThrow(
        () -> new PortalRequestException(HttpStatus.FORBIDDEN, "请先以供应商账号登录。"));
  }
}
