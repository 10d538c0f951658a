package org.publicservice.procurement.review;

import static org.publicservice.procurement.purchase.ProcurementTime.minuteInBeijing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.publicservice.procurement.purchase.SubmissionRejectedException;
import org.publicservice.procurement.portal.PortalAccount;
import org.publicservice.procurement.portal.PortalPage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.publicservice.procurement.purchase.Money;

/**
 * 报价说明: the panel found the organisation's price clearly below the other compliant bids' and asks it to show in
 * writing, by a deadline, that the price is sound (87号令第六十条). The logged-in organisation sees its own requests
 * only, answers each once before its deadline, and reads back its answer and the panel's decision.
 */
@Controller
@PortalPage
class PriceExplanationController {

  private final PriceExplanations explanations;

  PriceExplanationController(PriceExplanations explanations) {
    this.explanations = explanations;
  }

  record QueryView(long id, String projectNumber, String price, String question, String requestedAt, String dueAt,
      boolean open, String answer, String answeredAt, String decision) {
  }

  @GetMapping("/portal/bidder/price-explanations")
  String page(HttpServletRequest request, Model model) {
    return page(model, PortalAccount.required(request), null, null, "");
  }

  @PostMapping("/portal/bidder/price-explanations/{id}")
  String answer(@PathVariable long id, @RequestParam(required = false) String answer, HttpServletRequest request,
      HttpServletResponse response, Model model, RedirectAttributes redirect) {
    PortalAccount account = PortalAccount.required(request);
    try {
      explanations.answer(account.userId(), id, answer);
    } catch (SubmissionRejectedException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(model, account, id, "说明未提交：" + e.getMessage(), answer == null ? "" : answer);
    }
    redirect.addFlashAttribute("done", "书面说明已提交评标委员会。");
    return "redirect:/portal/bidder/price-explanations";
  }

  private String page(Model model, PortalAccount account, Long failedId, String error, String typed) {
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ProcurementTime.ZONE).toOffsetDateTime();
    List<QueryView> queries = explanations.of(account.userId()).stream().map(q -> new QueryView(q.id(),
        q.projectNumber(), Money.yuan(q.price()), q.question(), minuteInBeijing(q.requestedAt()),
        minuteInBeijing(q.dueAt()), q.answer() == null && q.decision() == null && now.isBefore(q.dueAt()), q.answer(),
        minuteInBeijing(q.answeredAt()), decision(q.decision()))).toList();
    model.addAttribute("queries", queries);
    model.addAttribute("failedId", failedId);
    model.addAttribute("generalError", error != null && queries.stream().noneMatch(q -> failedId != null
        && q.id() == failedId) ? error : null);
    model.addAttribute("error", error);
    model.addAttribute("typed", typed);
    return "portal/bidder/price-explanations";
  }

  private static String decision(String decision) {
    if (decision == null) {
      return "";
    }
    return switch (decision) {
      case BidReviewResults.ACCEPTED -> "评标委员会采纳了贵单位的说明";
      case BidReviewResults.REJECTED -> "评标委员会认为贵单位不能证明其报价合理性，投标无效";
      case BidReviewResults.NO_ANSWER -> "期限内未提交说明，投标无效";
      default -> decision;
    };
  }
}
