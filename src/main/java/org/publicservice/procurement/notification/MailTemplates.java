package org.publicservice.procurement.notification;

import java.util.Map;
import org.publicservice.procurement.training.TrainingMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders the mail texts: one Thymeleaf TEXT file per mail, {@code <name>.txt}, whose first line is the subject
 * (an optional leading "主题：" is dropped) and whose remaining lines are the body. Files are read from
 * {@code procurement.mail.templates}; when that is an operator's folder, it is read afresh for every mail and
 * any template not found there comes from the built-in set.
 */
@Component
public class MailTemplates {

  public static final String BUILT_IN = "classpath:/mail/";
  private static final String SUFFIX = ".txt";

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  /** A rendered mail. */
  public record RenderedMail(String subject, String body) {
  }

  /** Put above every body by the frame, or null: training mode says so in every mail. */
  private String firstLine;

  @Autowired
  public MailTemplates(MailProperties properties, ApplicationContext context, TrainingMode training) {
    this(properties, context);
    this.firstLine = training.enabled() ? training.mailLine() : null;
  }

  public MailTemplates(MailProperties properties, ApplicationContext context) {
    String location = properties.templates().endsWith("/") ? properties.templates() : properties.templates() + "/";
    int order = 1;
    if (!BUILT_IN.equals(location)) {
      SpringResourceTemplateResolver operator = resolver(context, location, order++);
      operator.setCheckExistence(true);
      operator.setCacheable(false);
      engine.addTemplateResolver(operator);
    }
    engine.addTemplateResolver(resolver(context, BUILT_IN, order));
  }

  public RenderedMail render(String template, Map<String, Object> model) {
    String text = engine.process(template, new Context(null, model)).replace("\r\n", "\n");
    String[] lines = text.split("\n", -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first == lines.length) {
      throw new IllegalStateException("Mail template '" + template + "' is empty");
    }
    String subject = lines[first].trim().replaceFirst("^主题[：:]\\s*", "");
    int bodyStart = first + 1;
    while (bodyStart < lines.length && lines[bodyStart].isBlank()) {
      bodyStart++;
    }
    String body = String.join("\n", java.util.Arrays.copyOfRange(lines, bodyStart, lines.length)).stripTrailing();
    return new RenderedMail(subject, (firstLine == null ? "" : firstLine + "\n\n") + body + "\n");
  }

  private static SpringResourceTemplateResolver resolver(ApplicationContext context, String prefix, int order) {
    SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
    resolver.setApplicationContext(context);
    resolver.setPrefix(prefix);
    resolver.setSuffix(SUFFIX);
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setOrder(order);
    return resolver;
  }
}
