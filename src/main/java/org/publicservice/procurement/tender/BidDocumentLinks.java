package org.publicservice.procurement.tender;

import java.util.List;

/** The opened bids' files as a Markdown list of download links, for the text of the reviewers' forms. */
public final class BidDocumentLinks {

  private BidDocumentLinks() {
  }

  public static String markdown(List<BidAttachments.BidFiles> bids) {
    StringBuilder text = new StringBuilder("**投标文件附件**（点击下载；仅本项目资格审查和评审人员可以打开）\n\n");
    if (bids.stream().allMatch(bid -> bid.files().isEmpty())) {
      return text.append("各投标均未附文件。").toString();
    }
    for (BidAttachments.BidFiles bid : bids) {
      text.append("- ").append(escape(bid.bidderName())).append("：");
      if (bid.files().isEmpty()) {
        text.append("未附文件\n");
        continue;
      }
      text.append('\n');
      for (BidAttachments.FileInfo file : bid.files()) {
        text.append("  - ").append(file.kindLabel()).append("：[").append(escape(file.name())).append("](/bid-documents/")
            .append(file.id()).append(")（").append(file.sizeText()).append("）\n");
      }
    }
    return text.toString();
  }

  /** A name as literal Markdown text: no link, emphasis or HTML of its own. */
  static String escape(String text) {
    return text.replaceAll("([\\\\`*_{}\\[\\]()#+!<>|~])", "\\\\$1");
  }
}
