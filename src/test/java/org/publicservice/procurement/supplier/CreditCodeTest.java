package org.publicservice.procurement.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check characters of GB 32100-2015 and GB 11643-1999, on published examples and on the demo's identifiers. */
class CreditCodeTest {

  @Test
  void creditCodesWithTheRightCheckCharacterPassOthersFail() {
    // the example code printed in explanations of GB 32100-2015
    assertThat(CreditCode.isValidCreditCode("91350100M000100Y43")).isTrue();
    assertThat(CreditCode.isValidCreditCode("91350100M000100Y42")).isFalse();
    // the check character may be 0 (31 - 0) and letters I, O, S, V, Z are not used
    assertThat(CreditCode.isValidCreditCode("52320602MJ56123470")).isTrue();
    assertThat(CreditCode.isValidCreditCode("91350100M000100YO3")).isFalse();
    assertThat(CreditCode.isValidCreditCode("91350100M000100Y4")).isFalse();
    assertThat(CreditCode.normalised(" 9135 0100m000100y43 ")).isEqualTo("91350100M000100Y43");
    for (DemoSuppliers.DemoSupplier demo : DemoSuppliers.SUPPLIERS) {
      assertThat(demo.type().fits(demo.identifier())).as(demo.name()).isTrue();
    }
  }

  @Test
  void typesTakeTheCodesOfTheirRegistrationAuthority() {
    assertThat(SupplierType.ENTERPRISE.fits("52320602MJ56123470")).isFalse();
    assertThat(SupplierType.SOCIAL_ORGANISATION.fits("52320602MJ56123470")).isTrue();
    assertThat(SupplierType.OTHER_ORGANISATION.fits("52320602MJ56123470")).isFalse();
    assertThat(SupplierType.INSTITUTION.fits("123206004660001234")).isTrue();
  }

  @Test
  void idNumbersNeedARealBirthDateAndTheMod11CheckCharacter() {
    assertThat(CreditCode.isValidIdNumber("11010519491231002X")).isTrue();
    assertThat(CreditCode.isValidIdNumber("110105194912310021")).isFalse();
    assertThat(CreditCode.isValidIdNumber("110105194902300020")).isFalse();
    assertThat(CreditCode.masked("11010519491231002X")).isEqualTo("110**************X");
  }
}
