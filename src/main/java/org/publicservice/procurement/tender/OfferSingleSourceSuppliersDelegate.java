package org.publicservice.procurement.tender;

import static org.publicservice.procurement.tender.SingleSourceVariables.SUPPLIER_OPTIONS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Offers the registered suppliers, whatever their form of organisation, as the choices of the notice form's supplier
 * select (a form-js {@code valuesKey}); the list is taken when the notice is prepared, so a supplier registered later
 * appears in the next single source.
 */
@Component
public class OfferSingleSourceSuppliersDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    var options = RegisteredSuppliers.options(execution.getProcessEngineServices().getIdentityService());
    String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(options);
    execution.setVariable(SUPPLIER_OPTIONS, SpinValues.jsonValue(json).create());
  }
}
