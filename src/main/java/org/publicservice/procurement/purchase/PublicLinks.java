package org.publicservice.procurement.purchase;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The addresses users follow from mails, notices and open data: the portal's pages and Tasklist, under the one
 * public address of the installation ({@code procurement.public-url}, with or without a trailing slash).
 */
@Component
public class PublicLinks {

  private final String base;

  public PublicLinks(@Value("${procurement.public-url}") String publicUrl) {
    this.base = publicUrl.replaceAll("/+$", "");
  }

  /** Any page of the installation, {@code path} starting with a slash. */
  public String page(String path) {
    return base + path;
  }

  public String notice(long noticeId) {
    return page("/portal/notices/" + noticeId);
  }

  public String project(String projectNumber) {
    return page("/portal/projects/" + projectNumber);
  }

  /** The portal page where the service recipients rate a purchase's service. */
  public String ratings(String projectNumber) {
    return page("/portal/ratings/" + projectNumber);
  }

  public String tasklist() {
    return page("/camunda/app/tasklist/");
  }

  public String task(String taskId) {
    return page("/camunda/app/tasklist/default/#/?task=" + taskId);
  }
}
