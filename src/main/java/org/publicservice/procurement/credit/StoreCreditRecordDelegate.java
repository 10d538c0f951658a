package org.publicservice.procurement.credit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies the validated credit-record form to the register: adds a record, ends the organisation's current
 * records of a listing, or revokes its records of a listing entered in error. Checks made from then on use it.
 */
@Component
public class StoreCreditRecordDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(StoreCreditRecordDelegate.class);

  private final CreditRegister register;

  public StoreCreditRecordDelegate(CreditRegister register) {
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CreditRecordForm.Request request = CreditRecordForm.read(execution,
        execution.getProcessEngineServices().getIdentityService(), register);
    String by = (String) execution.getVariable(CreditVariables.ENTERED_BY);
    List<Long> ids = new ArrayList<>();
    switch (request.action()) {
      case CreditVariables.ACTION_ADD -> ids.add(register.add(new NewCreditRecord(request.organisation(),
          request.organisationName(), request.listing(), request.effect(), request.source(), request.reason(),
          request.validFrom(), request.validUntil(), request.projectNumber(), by)).id());
      case CreditVariables.ACTION_END -> register.activeRecordsOf(request.organisation(), ProcurementTime.today())
          .stream().filter(r -> r.listing() == request.listing()).forEach(r -> {
            register.end(r.id(), request.validUntil());
            ids.add(r.id());
          });
      default -> register.recordsOf(request.organisation()).stream()
          .filter(r -> r.listing() == request.listing()).forEach(r -> {
            register.revoke(r.id(), by, request.reason());
            ids.add(r.id());
          });
    }
    execution.setVariable(CreditVariables.RECORD_IDS, ids.toString());
    LOG.info("Credit register: {} {} of {} by {} (records {})", request.action(), request.listing(),
        request.organisation(), by, ids);
  }
}
