package org.publicservice.procurement.review;

/** The address of Tasklist for the links in the stage's mails. */
final class TasklistLink {

  private TasklistLink() {
  }

  static String of(String publicUrl) {
    return (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
        + "/camunda/app/tasklist/";
  }
}
