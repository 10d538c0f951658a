package org.publicservice.procurement.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.purchase.SubmissionRejectedException;

/** What a completion may carry for a read-only field: the same value, or nothing when Tasklist could not show it. */
class FormSubmissionTest {

  private static final CamundaForm FORM = form("""
      {"type": "default", "components": [
        {"type": "number", "key": "contractorPrice", "label": "中标（成交）金额（元）", "readonly": true},
        {"type": "textfield", "key": "note", "label": "备注"}
      ]}""");

  /** The variable as the contract stage stores it: a Java object Tasklist leaves empty in the form. */
  private static final Map<String, Object> STORED = Map.of("contractorPrice", new BigDecimal("480000.00"));

  @Test
  void aReadOnlyFieldTasklistSendsBackEmptyIsAcceptedAndNotWritten() {
    Map<String, Object> submitted = new HashMap<>();
    submitted.put("contractorPrice", null);
    submitted.put("note", "按期签订");

    FormSubmission.Result result = FormSubmission.check("起草政府采购合同", FORM, submitted, STORED::get);

    assertThat(result.kept()).containsOnlyKeys("note");
  }

  @Test
  void aReadOnlyFieldSentBackUnchangedIsNotWrittenAgain() {
    FormSubmission.Result result = FormSubmission.check("起草政府采购合同", FORM,
        Map.of("contractorPrice", 480000, "note", "按期签订"), STORED::get);

    assertThat(result.kept()).containsOnlyKeys("note");
  }

  @Test
  void aChangedReadOnlyFieldIsRefusedInChinese() {
    assertThatThrownBy(() -> FormSubmission.check("起草政府采购合同", FORM,
        Map.of("contractorPrice", 88_000_000), STORED::get))
        .isInstanceOf(SubmissionRejectedException.class)
        .hasMessageContaining("中标（成交）金额（元）").hasMessageContaining("只读");
  }

  private static CamundaForm form(String json) {
    try {
      return CamundaForm.parse(new ObjectMapper().readTree(json));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
