package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE;
import static org.publicservice.procurement.purchase.ProcurementTime.SECOND;
import static org.publicservice.procurement.purchase.ProcurementTime.minuteInBeijing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.portal.PortalAccount;
import org.publicservice.procurement.portal.PortalPage;
import org.publicservice.procurement.portal.PortalRequestException;
import org.publicservice.procurement.portal.PortalViews;
import org.publicservice.procurement.purchase.Money;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的投标: the logged-in social organisation sees the tenders open for bids, submits, replaces or withdraws its
 * sealed bid before the deadline, reads its own bid and receipt back, and asks questions in the clarification
 * period. Every call goes to the tender stage's bid box as this organisation (the id comes from the session, never
 * from the form); the bid box decides and refuses in Chinese, and a refusal is shown next to the form with what the
 * organisation typed, nothing stored.
 */
@Controller
@PortalPage
public class BidderController {

  public static final int MAX_QUESTION = 4_000;
  private static final Pattern PROJECT_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");

  private final BidBox bidBox;
  private final TenderQuestions questions;
  private final BidFormTokens formTokens;
  private final DisclosureRegister register;

  BidderController(BidBox bidBox, TenderQuestions questions, BidFormTokens formTokens, DisclosureRegister register) {
    this.bidBox = bidBox;
    this.questions = questions;
    this.formTokens = formTokens;
    this.register = register;
  }

  /** A public notice of the round, linked from the bid page. */
  record NoticeLink(long id, String title, String type, String publishedAt) {
  }

  record QuestionView(String askedAt, String question) {
  }

  record ScoringView(String method, String priceWeight, List<String> criteria) {
  }

  record CallView(String projectNumber, int round, String serviceName, String departmentName, String method,
      String budget, String bidDeadline, String clarificationDeadline, String qualificationRequirements,
      boolean open, boolean clarificationOpen) {
  }

  record ReceiptView(String projectNumber, int round, String submittedAt, String receiptCode) {
  }

  record OpenCall(CallView call, ReceiptView receipt, boolean draft) {
  }

  @GetMapping("/portal/bidder")
  String area(HttpServletRequest request, Model model) {
    PortalAccount account = account(request);
    model.addAttribute("calls", bidBox.openCalls().stream()
        .map(call -> new OpenCall(view(call),
            bidBox.receiptOf(call.projectNumber(), account.userId()).map(BidderController::view).orElse(null),
            bidBox.hasDraft(call.projectNumber(), account.userId())))
        .toList());
    return "portal/bidder/area";
  }

  @GetMapping("/portal/bidder/tenders/{projectNumber}")
  String tender(@PathVariable String projectNumber, @RequestParam(required = false) String use,
      HttpServletRequest request, Model model) {
    PortalAccount account = account(request);
    TenderCall call = call(projectNumber);
    String user = account.userId();
    var draft = bidBox.draft(projectNumber, user);
    var withdrawn = bidBox.withdrawnBid(projectNumber, user);
    BidForm form;
    if ("withdrawn".equals(use) && withdrawn.isPresent()) {
      form = withdrawn.get().form();
      model.addAttribute("formSource", "已填入贵机构于" + SECOND.format(withdrawn.get().savedAt())
          + "撤回的投标内容（仅贵机构可见），尚未提交。");
    } else if (draft.isPresent()) {
      form = draft.get().form();
      model.addAttribute("formSource", "已载入贵机构于" + SECOND.format(draft.get().savedAt())
          + "保存的草稿（仅贵机构可见），尚未提交。投标截止时仍未提交的草稿将被销毁。");
    } else {
      var own = bidBox.ownBid(projectNumber, user);
      if (own.isPresent()) {
        form = BidForm.of(own.get());
      } else if (withdrawn.isPresent()) {
        form = withdrawn.get().form();
        model.addAttribute("formSource", "已填入贵机构于" + SECOND.format(withdrawn.get().savedAt())
            + "撤回的投标内容（仅贵机构可见），可修改后重新提交。");
      } else {
        form = BidForm.empty();
      }
    }
    model.addAttribute("hasDraft", draft.isPresent());
    model.addAttribute("offerWithdrawn", draft.isPresent() && withdrawn.isPresent() && !"withdrawn".equals(use));
    return page(model, account, call, form, Map.of(), null, "");
  }

  @PostMapping("/portal/bidder/tenders/{projectNumber}/draft")
  String saveDraft(@PathVariable String projectNumber, BidForm typed, HttpServletRequest request,
      HttpServletResponse response, Model model, RedirectAttributes redirect) {
    PortalAccount account = account(request);
    TenderCall call = call(projectNumber);
    BidForm form = typed.withoutNulls();
    OffsetDateTime saved;
    try {
      saved = bidBox.saveDraft(projectNumber, account.userId(), form);
    } catch (SubmissionRejectedException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(model, account, call, form, fieldProblem(e), "草稿未保存：" + e.getMessage(), "");
    }
    redirect.addFlashAttribute("done", "草稿已于" + SECOND.format(saved) + "密封保存，仅贵机构可见，尚未投标。"
        + "请在投标截止前提交；截止时仍未提交的草稿将被销毁。");
    return "redirect:/portal/bidder/tenders/" + projectNumber;
  }

  @PostMapping("/portal/bidder/tenders/{projectNumber}/draft/discard")
  String discardDraft(@PathVariable String projectNumber, HttpServletRequest request,
      HttpServletResponse response, Model model, RedirectAttributes redirect) {
    PortalAccount account = account(request);
    call(projectNumber);
    try {
      bidBox.discardDraft(projectNumber, account.userId());
    } catch (SubmissionRejectedException e) {
      throw PortalRequestException.badRequest("草稿未删除：" + e.getMessage());
    }
    redirect.addFlashAttribute("done", "草稿已删除。");
    return "redirect:/portal/bidder/tenders/" + projectNumber;
  }

  /** The step before a withdrawal: what it does, and a button that really does it (no script needed). */
  @GetMapping("/portal/bidder/tenders/{projectNumber}/withdraw")
  String confirmWithdrawal(@PathVariable String projectNumber, HttpServletRequest request, Model model) {
    PortalAccount account = account(request);
    TenderCall call = call(projectNumber);
    var receipt = bidBox.receiptOf(projectNumber, account.userId()).map(BidderController::view);
    if (receipt.isEmpty()) {
      return "redirect:/portal/bidder/tenders/" + projectNumber;
    }
    model.addAttribute("call", view(call));
    model.addAttribute("receipt", receipt.get());
    return "portal/bidder/withdraw";
  }

  @PostMapping("/portal/bidder/tenders/{projectNumber}/bid")
  String submit(@PathVariable String projectNumber, @RequestParam(required = false) String price,
      @RequestParam(required = false) String servicePlan, @RequestParam(required = false) String team,
      @RequestParam(required = false) String qualifications,
      @RequestParam(required = false) String smeDeclaration,
      @RequestParam(required = false) String bondForm, @RequestParam(required = false) String bondReference,
      @RequestParam(name = "qualificationFiles", required = false) List<MultipartFile> qualificationFiles,
      @RequestParam(name = "servicePlanFiles", required = false) List<MultipartFile> servicePlanFiles,
      @RequestParam(name = "certificateFiles", required = false) List<MultipartFile> certificateFiles,
      @RequestParam(name = "keepFile", required = false) List<String> keepFile, HttpServletRequest request,
      HttpServletResponse response, Model model, RedirectAttributes redirect) {
    PortalAccount account = account(request);
    TenderCall call = call(projectNumber);
    BidForm form = BidForm.sent(price, servicePlan, team, qualifications, smeDeclaration, bondForm, bondReference);
    Map<String, String> problems = form.problems();
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(model, account, call, form, problems,
          "投标未提交：以下" + problems.size() + "处需要修改（已在各项旁标出），填写的内容已保留。", "");
    }
    boolean replacing = bidBox.receiptOf(projectNumber, account.userId()).isPresent();
    BidReceipt receipt;
    try {
      List<BidAttachments.NewFile> files = new ArrayList<>();
      files(files, "QUALIFICATION", qualificationFiles);
      files(files, "SERVICE_PLAN", servicePlanFiles);
      files(files, "CERTIFICATE", certificateFiles);
      receipt = bidBox.submit(projectNumber, account.userId(), form.content(), files,
          keepFile == null ? Set.of() : Set.copyOf(keepFile));
    } catch (SubmissionRejectedException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(model, account, call, form, fieldProblem(e), "投标未提交：" + e.getMessage(), "");
    }
    redirect.addFlashAttribute("done", (replacing ? "投标已替换，原投标作废。" : "投标已提交。")
        + "回执编号 " + receipt.receiptCode() + "，提交时间 " + SECOND.format(receipt.submittedAt()) + "。");
    return "redirect:/portal/bidder/tenders/" + projectNumber;
  }

  /** A file of the organisation's own bid, back to it (also before the opening: it is its own). */
  @GetMapping("/portal/bidder/tenders/{projectNumber}/files/{fileId}")
  ResponseEntity<byte[]> ownFile(@PathVariable String projectNumber, @PathVariable String fileId,
      HttpServletRequest request) {
    PortalAccount account = account(request);
    call(projectNumber);
    return bidBox.ownFile(projectNumber, account.userId(), fileId).map(BidDocumentResponses::download)
        .orElseThrow(() -> PortalRequestException.notFound("没有找到该文件：它不属于贵单位当前有效的投标。"));
  }

  @PostMapping("/portal/bidder/tenders/{projectNumber}/withdraw")
  String withdraw(@PathVariable String projectNumber, HttpServletRequest request, HttpServletResponse response,
      Model model, RedirectAttributes redirect) {
    PortalAccount account = account(request);
    TenderCall call = call(projectNumber);
    try {
      bidBox.withdraw(projectNumber, account.userId());
    } catch (SubmissionRejectedException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      BidForm form = bidBox.ownBid(projectNumber, account.userId()).map(BidForm::of).orElse(BidForm.empty());
      return page(model, account, call, form, Map.of(), "投标未撤回：" + e.getMessage(), "");
    }
    redirect.addFlashAttribute("done", "投标已撤回，不会参加开标。撤回的内容已密封保存（仅贵机构可见），"
        + "已填入下方表单，截止时间前可修改后重新提交；截止时未重新提交即销毁。");
    return "redirect:/portal/bidder/tenders/" + projectNumber;
  }

  @PostMapping("/portal/bidder/tenders/{projectNumber}/questions")
  String ask(@PathVariable String projectNumber, @RequestParam(required = false) String question,
      HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    PortalAccount account = account(request);
    TenderCall call = call(projectNumber);
    String text = question == null ? "" : question.strip();
    String problem = text.isEmpty() ? "请填写问题内容。"
        : text.length() > MAX_QUESTION ? "问题不能超过" + MAX_QUESTION + "个字（现有" + text.length() + "个字）。" : null;
    if (problem == null) {
      try {
        questions.ask(projectNumber, account.userId(), text);
      } catch (SubmissionRejectedException e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      BidForm form = bidBox.ownBid(projectNumber, account.userId()).map(BidForm::of).orElse(BidForm.empty());
      model.addAttribute("questionError", "问题未提交：" + problem);
      return page(model, account, call, form, Map.of(), null,
          question == null ? "" : question.substring(0, Math.min(question.length(), MAX_QUESTION + 100)));
    }
    redirect.addFlashAttribute("done", "问题已提交给采购单位，答复将在信息公开网站上向所有潜在投标人公布。");
    return "redirect:/portal/bidder/tenders/" + projectNumber;
  }

  private String page(Model model, PortalAccount account, TenderCall call, BidForm form,
      Map<String, String> problems, String error, String question) {
    model.addAttribute("call", view(call));
    model.addAttribute("receipt",
        bidBox.receiptOf(call.projectNumber(), account.userId()).map(BidderController::view).orElse(null));
    model.addAttribute("form", form);
    model.addAttribute("problems", problems);
    model.addAttribute("error", error);
    model.addAttribute("question", question);
    if (!model.containsAttribute("hasDraft")) {
      model.addAttribute("hasDraft", bidBox.draft(call.projectNumber(), account.userId()).isPresent());
    }
    model.addAttribute("formToken", formTokens.issue(account.userId(), call.projectNumber()));
    model.addAttribute("notices", register.findByProject(call.projectNumber()).stream()
        .filter(n -> n.type() == NoticeType.TENDER_NOTICE || n.type() == NoticeType.CLARIFICATION
            || n.type() == NoticeType.SINGLE_SOURCE_NOTICE)
        .map(n -> new NoticeLink(n.id(), n.title(), n.type().label(), MINUTE.format(
            n.publishedAt().atZoneSameInstant(ProcurementTime.ZONE)))).toList());
    model.addAttribute("asked", questions.askedBy(call.projectNumber(), account.userId()).stream()
        .map(q -> new QuestionView(SECOND.format(q.askedAt()), q.question())).toList());
    model.addAttribute("scoring", bidBox.scoring(call.projectNumber()).map(BidderController::view).orElse(null));
    model.addAttribute("sessionHours", PortalAccount.SESSION_LENGTH.toHours());
    model.addAttribute("limits", Map.of("servicePlan", BidForm.MAX_SERVICE_PLAN, "team", BidForm.MAX_TEAM,
        "qualifications", BidForm.MAX_QUALIFICATIONS, "question", MAX_QUESTION, "fileMb", BidAttachments.MAX_FILE_MB,
        "files", BidAttachments.MAX_FILES, "totalMb", BidAttachments.MAX_TOTAL_MB));
    model.addAttribute("ownFiles", bidBox.ownFiles(call.projectNumber(), account.userId()));
    model.addAttribute("smePolicy", smePolicy(call));
    model.addAttribute("bondAmount", call.bidBond() == null || call.bidBond().signum() == 0 ? null
        : org.publicservice.procurement.purchase.Money.yuan(call.bidBond()));
    model.addAttribute("bondForms", BidBond.FORMS);
    return "portal/bidder/tender";
  }

  /** The tender's current call, also after its deadline, so that a bidder still reads its receipt. */
  private TenderCall call(String projectNumber) {
    if (!PROJECT_NUMBER.matcher(projectNumber).matches()) {
      throw PortalRequestException.badRequest("项目编号格式不正确。");
    }
    return bidBox.currentCall(projectNumber)
        .orElseThrow(() -> PortalRequestException.notFound("项目" + projectNumber + "目前没有接受投标的招标。"));
  }

  private static Map<String, String> fieldProblem(SubmissionRejectedException e) {
    String field = e.getField();
    return field != null && Map.of("price", 1, "servicePlan", 1, "team", 1, "qualifications", 1, "files", 1,
        "smeDeclaration", 1, "bondForm", 1, "bondReference", 1).containsKey(field) ? Map.of(field, e.getMessage()) : Map.of();
  }

  private static void files(List<BidAttachments.NewFile> files, String kind, List<MultipartFile> uploaded) {
    if (uploaded == null) {
      return;
    }
    for (MultipartFile file : uploaded) {
      if (file.isEmpty()) {
        continue;
      }
      if (file.getSize() > BidAttachments.MAX_FILE_MB * BidAttachments.MB_BYTES) {
        throw new SubmissionRejectedException("files", "文件“" + file.getOriginalFilename() + "”超过"
            + BidAttachments.MAX_FILE_MB + "MB，不能上传。请压缩或拆分后再上传。");
      }
      try {
        files.add(new BidAttachments.NewFile(kind, file.getOriginalFilename(), file.getBytes()));
      } catch (IOException e) {
        throw new SubmissionRejectedException("files", "文件“" + file.getOriginalFilename() + "”未能完整上传，请重新提交。");
      }
    }
  }

  /** The tender's SME policy in words for the bid page (财库〔2020〕46号第十二条). */
  private static String smePolicy(TenderCall call) {
    if (SmePolicy.SME.equals(call.reservation())) {
      return "本项目专门面向中小企业采购：须出具《中小企业声明函》，大型企业和非企业供应商不能投标。";
    }
    if (SmePolicy.SOCIAL_ORGANISATION.equals(call.reservation())) {
      return "本项目依法专门面向社会组织采购（依据：" + call.reservationBasis() + "）。";
    }
    return call.smeDeductionPercent() == null ? "" : "小型和微型企业出具《中小企业声明函》的，报价扣除"
        + call.smeDeductionPercent().stripTrailingZeros().toPlainString() + "%后参与评审（财库〔2020〕46号、财库〔2022〕19号）。";
  }

  private static PortalAccount account(HttpServletRequest request) {
    // the interceptor PortalSecurity let the request in only with an organisation's login
    return PortalAccount.of(request).orElseThrow(
        () -> new PortalRequestException(HttpStatus.FORBIDDEN, "请先以供应商账号登录。"));
  }

  static CallView view(TenderCall call) {
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atOffset(java.time.ZoneOffset.UTC);
    return new CallView(call.projectNumber(), call.round(), call.serviceName(), call.departmentName(),
        methodLabel(call.procurementMethod()), call.budget() == null ? "" : Money.yuan(call.budget()),
        minuteInBeijing(call.bidDeadline()), minuteInBeijing(call.clarificationDeadline()),
        call.qualificationRequirements(),
        call.bidDeadline() != null && now.isBefore(call.bidDeadline()),
        call.clarificationDeadline() != null && now.isBefore(call.clarificationDeadline()));
  }

  static ScoringView view(BidBox.Scoring scoring) {
    boolean comprehensive = TenderVariables.COMPREHENSIVE.equals(scoring.evaluationMethod());
    String method = comprehensive ? "综合评分法" : TenderVariables.LOWEST_PRICE.equals(scoring.evaluationMethod())
        ? "最低评标价法（满足招标文件全部实质性要求、投标报价最低者为中标候选人）" : "";
    List<String> criteria = comprehensive
        ? scoring.criteria().stream().map(c -> c.name() + "：" + score(c.maxScore()) + "分").toList() : List.of();
    String weight = comprehensive && scoring.priceWeight() != null ? "价格分：" + scoring.priceWeight() + "分" : "";
    return new ScoringView(method, weight, criteria);
  }

  /** 40 for 40 and 40.0; 7.5 stays 7.5. */
  private static String score(Object maxScore) {
    return maxScore instanceof Number number
        ? new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString() : String.valueOf(maxScore);
  }

  static ReceiptView view(BidReceipt receipt) {
    return new ReceiptView(receipt.projectNumber(), receipt.round(), SECOND.format(receipt.submittedAt()),
        receipt.receiptCode());
  }

  private static String methodLabel(String code) {
    if (code == null) {
      return "";
    }
    return "COMPETITIVE_NEGOTIATION".equals(code) ? "竞争性谈判" : PortalViews.methodLabel(code);
  }
}
