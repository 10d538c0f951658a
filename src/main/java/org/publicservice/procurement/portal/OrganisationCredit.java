package org.publicservice.procurement.portal;

import static org.publicservice.procurement.purchase.ProcurementTime.DAY;

import java.util.List;
import org.publicservice.procurement.credit.CreditRegister;
import org.publicservice.procurement.portal.PublicOrganisations.Organisation;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.stereotype.Component;

/**
 * An organisation's credit records in force today, as the portal shows them: the list (all of them public lists:
 * 信用中国, 中国政府采购网, tax authority, published evaluation results), its effect, validity, source and project.
 * Who entered a record and the officials' wording of the reason stay internal.
 */
@Component
public class OrganisationCredit {


  public record CreditView(String listing, String effect, String validity, String source, String projectNumber) {
  }

  private final CreditRegister register;

  public OrganisationCredit(CreditRegister register) {
    this.register = register;
  }

  public List<CreditView> recordsOf(Organisation organisation) {
    return register.activeRecordsOf(organisation.id(), ProcurementTime.today()).stream()
        .map(r -> new CreditView(r.listing().chineseName(), r.effect().chineseName(),
            DAY.format(r.validFrom()) + " 至 " + (r.validUntil() == null ? "长期" : DAY.format(r.validUntil())),
            r.source(), r.projectNumber()))
        .toList();
  }
}
