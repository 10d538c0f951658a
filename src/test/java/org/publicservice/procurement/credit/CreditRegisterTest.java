package org.publicservice.procurement.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.ProcurementSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Records apply only within their validity period and until revoked. */
@ProcurementSpringTest
class CreditRegisterTest {

  @Autowired CreditRegister register;

  @Test
  void aRecordAppliesFromItsFirstToItsLastDayOnly() {
    CreditRecord record = register.add(new NewCreditRecord("credit-test-period", "南通测试社工服务中心",
        CreditListing.PROCUREMENT_BLACKLIST, CreditEffect.EXCLUDE, "中国政府采购网", "提供虚假材料谋取中标",
        LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), "NT-2026-0001", "admin"));

    assertThat(record.id()).isPositive();
    assertThat(record.recordedAt()).isNotNull();
    assertThat(register.activeRecordsOf("credit-test-period", LocalDate.of(2026, 2, 28))).isEmpty();
    assertThat(register.activeRecordsOf("credit-test-period", LocalDate.of(2026, 3, 1))).containsExactly(record);
    assertThat(register.activeRecordsOf("credit-test-period", LocalDate.of(2027, 2, 28))).containsExactly(record);
    assertThat(register.activeRecordsOf("credit-test-period", LocalDate.of(2027, 3, 1))).isEmpty();
    assertThat(register.activeRecordsOf("someone-else", LocalDate.of(2026, 6, 1))).isEmpty();
  }

  @Test
  void anOpenEndedRecordRunsUntilEndedOrRevoked() {
    CreditRecord open = register.add(new NewCreditRecord("credit-test-open", "南通测试养老服务社",
        CreditListing.COURT_DEFAULTER, CreditEffect.EXCLUDE, "信用中国", "拒不履行生效判决", LocalDate.of(2026, 1, 5),
        null, null, "admin"));
    CreditRecord tax = register.add(new NewCreditRecord("credit-test-open", "南通测试养老服务社",
        CreditListing.MAJOR_TAX_VIOLATION, CreditEffect.PENALISE, "国家税务总局江苏省税务局", "偷税", LocalDate.of(2026, 1, 5),
        null, null, "admin"));
    assertThat(register.activeRecordsOf("credit-test-open", LocalDate.of(2030, 1, 1))).containsExactly(open, tax);

    register.end(open.id(), LocalDate.of(2026, 6, 30));
    assertThat(register.activeRecordsOf("credit-test-open", LocalDate.of(2026, 6, 30))).hasSize(2);
    assertThat(register.activeRecordsOf("credit-test-open", LocalDate.of(2026, 7, 1))).containsExactly(tax);

    register.revoke(tax.id(), "admin", "录入错误：纳税人识别号不符");
    assertThat(register.activeRecordsOf("credit-test-open", LocalDate.of(2026, 7, 1))).isEmpty();
    assertThat(register.find(tax.id())).isEmpty();
  }
}
