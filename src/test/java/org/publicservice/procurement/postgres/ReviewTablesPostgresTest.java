package org.publicservice.procurement.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.publicservice.procurement.credit.CreditEffect;
import org.publicservice.procurement.credit.CreditListing;
import org.publicservice.procurement.credit.CreditRecord;
import org.publicservice.procurement.credit.CreditRegister;
import org.publicservice.procurement.credit.NewCreditRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The credit register (Flyway V8) on PostgreSQL, the production database: ids, dates and validity periods. */
@Tag("isolated")
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class ReviewTablesPostgresTest {

  @Autowired CreditRegister register;

  @Test
  void creditRecordsKeepTheirPeriodOnPostgres() {
    CreditRecord record = register.add(new NewCreditRecord("org-pg", "南通测试服务社", CreditListing.MAJOR_TAX_VIOLATION,
        CreditEffect.EXCLUDE, "国家税务总局南通市税务局", "虚开发票", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
        "NT-2026-0001", "admin"));

    assertThat(record.recordedAt()).isNotNull();
    assertThat(register.activeRecordsOf("org-pg", LocalDate.of(2026, 12, 31))).containsExactly(record);
    assertThat(register.activeRecordsOf("org-pg", LocalDate.of(2027, 1, 1))).isEmpty();
    register.revoke(record.id(), "admin", "录入错误");
    assertThat(register.activeRecordsOf("org-pg", LocalDate.of(2026, 6, 1))).isEmpty();
  }
}
