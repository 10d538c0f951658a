package org.publicservice.procurement.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.publicservice.procurement.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.publicservice.procurement.browser.BrowserTest;
import org.publicservice.procurement.evaluation.EvaluationStages;
import org.publicservice.procurement.notification.MailDeliveries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident on a phone rates a service during its evaluation: finds it from the portal, gives stars, asks for a
 * confirmation code, reads it in the mail, submits, and cannot rate a second time.
 */
class ServiceRatingBrowserTest extends BrowserTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired ProcessEngine engine;
  @Autowired ServiceRatings ratings;

  @Test
  void aResidentRatesTheServiceOnAPhoneWithAConfirmedAddress() throws Exception {
    String service = "崇川区助浴服务" + UUID.randomUUID().toString().substring(0, 4);
    String projectNumber = EvaluationStages.newProjectNumber();
    new EvaluationStages(engine).start(projectNumber, service, 2);
    String resident = "wang.wu" + UUID.randomUUID().toString().substring(0, 4) + "@example.cn";

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get(url("/portal"));
    click(waitVisible(By.linkText("服务评价")));
    click(waitVisibleWithText(By.cssSelector(".rating-card a.card-title"), service));
    waitVisible(By.cssSelector("form.rating-form"));
    assertFitsTheScreen();

    star(1, 5);
    star(2, 4);
    WebElement comment = driver.findElement(By.id("comment"));
    comment.sendKeys("助浴员很细心，希望周末也能预约。");
    driver.findElement(By.id("email")).sendKeys(resident);
    click(driver.findElement(By.xpath("//button[text()='获取验证码']")));
    waitText(By.cssSelector(".alert.info"), "验证码已发送到" + resident);
    // what was entered survives the round trip
    assertThat(driver.findElement(By.cssSelector("input[name='stars1'][value='5']")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("comment")).getAttribute("value")).isEqualTo("助浴员很细心，希望周末也能预约。");
    screenshot("phone-code-sent");

    driver.findElement(By.id("confirmationCode")).sendKeys(mailedCode(projectNumber, resident));
    click(driver.findElement(By.cssSelector("input[name='notify']")));
    click(driver.findElement(By.cssSelector("button.submit")));
    WebElement thanks = waitVisible(By.cssSelector(".thanks"));
    assertThat(thanks.getText()).contains("感谢您的评价", service, "评价结果公开后，我们会发邮件告诉您");
    assertFitsTheScreen();
    screenshot("phone-thanks");

    long evaluationId = ratings.latestOf(projectNumber).orElseThrow().evaluationId();
    var summary = ratings.summary(evaluationId);
    assertThat(summary.ratings()).isEqualTo(1);
    assertThat(summary.average()).isEqualByComparingTo("4.50");

    // the same resident again: refused in Chinese, on the form
    driver.get(url("/portal/ratings/" + projectNumber));
    star(1, 1);
    driver.findElement(By.id("email")).sendKeys(resident);
    click(driver.findElement(By.xpath("//button[text()='获取验证码']")));
    waitText(By.cssSelector(".alert.error"), "该邮箱已对本项目评价过，每人只能评价一次。");
    assertThat(ratings.summary(evaluationId).ratings()).isEqualTo(1);
    screenshot("phone-refused");
  }

  private void star(int indicator, int stars) {
    click(waitVisible(By.xpath("//input[@name='stars" + indicator + "' and @value='" + stars + "']/parent::label")));
  }

  private String mailedCode(String projectNumber, String address) throws Exception {
    MailDeliveries deliveries = new MailDeliveries(engine);
    MimeMessage mail = waitUntil(d -> {
      deliveries.deliver(projectNumber);
      return MailDeliveries.mailsTo(greenMail, address).stream().findFirst().orElse(null);
    });
    Matcher code = Pattern.compile("验证码为：\\s+(\\d{6})").matcher(mail.getContent().toString());
    assertThat(code.find()).isTrue();
    return code.group(1);
  }

  private void assertFitsTheScreen() {
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + driver.getCurrentUrl()).isZero();
  }
}
