package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.ProcurementTime.minuteInBeijing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.List;
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
 * 最后报价: after the rounds of a consultation or negotiation, each supplier still in gives its final offer here by
 * the deadline (74号令第三十三条). The offer is sealed like a bid (tender/FinalOffers): the page
 * shows the organisation its own offer back, nobody else sees it before the deadline. Only invited suppliers see a
 * call; the id of the organisation comes from its session.
 */
@Controller
@PortalPage
class FinalOfferController {

  private final FinalOffers finalOffers;

  FinalOfferController(FinalOffers finalOffers) {
    this.finalOffers = finalOffers;
  }

  record CallView(long id, String projectNumber, String serviceName, String departmentName, String budget,
      String deadline, boolean open, String offeredAt, String ownPrice, String ownNote) {
  }

  @GetMapping("/portal/bidder/final-offers")
  String page(HttpServletRequest request, Model model) {
    return page(model, PortalAccount.required(request), null, null, "", "");
  }

  @PostMapping("/portal/bidder/final-offers/{id}")
  String offer(@PathVariable long id, @RequestParam(required = false) String price,
      @RequestParam(required = false) String note, HttpServletRequest request, HttpServletResponse response,
      Model model, RedirectAttributes redirect) {
    PortalAccount account = PortalAccount.required(request);
    String problem = null;
    BigDecimal amount = null;
    try {
      amount = new BigDecimal(price == null ? "" : price.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      problem = "最后报价应为金额（元），例如 1650000.00。";
    }
    if (problem == null) {
      try {
        finalOffers.submit(id, account.userId(), amount, note);
      } catch (SubmissionRejectedException e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(model, account, id, "最后报价未提交：" + problem, price == null ? "" : price, note == null ? "" : note);
    }
    redirect.addFlashAttribute("done", "最后报价已密封提交，截止时间前可以替换。");
    return "redirect:/portal/bidder/final-offers";
  }

  private String page(Model model, PortalAccount account, Long failedId, String error, String typedPrice,
      String typedNote) {
    List<CallView> calls = finalOffers.callsOf(account.userId()).stream().map(call -> {
      var own = finalOffers.ownOffer(call.id(), account.userId());
      return new CallView(call.id(), call.projectNumber(), call.serviceName(), call.departmentName(),
          Money.yuan(call.budget()), minuteInBeijing(call.deadline()), call.open(),
          minuteInBeijing(call.offeredAt()),
          own.map(o -> Money.yuan(o.price())).orElse(""), own.map(FinalOffers.Offer::note).orElse(""));
    }).toList();
    model.addAttribute("calls", calls);
    model.addAttribute("failedId", failedId);
    // a refusal for a call the organisation is not invited to has no section to show it in
    model.addAttribute("generalError", error != null && calls.stream().noneMatch(c -> failedId != null
        && c.id() == failedId) ? error : null);
    model.addAttribute("error", error);
    model.addAttribute("typedPrice", typedPrice);
    model.addAttribute("typedNote", typedNote);
    return "portal/bidder/final-offers";
  }
}
