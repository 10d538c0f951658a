/**
 * The shared kernel: what every stage of a purchase needs alike and must not define again. The procedure's clock
 * and its Chinese date formats ({@link org.publicservice.procurement.purchase.ProcurementTime}), and how a user's
 * submission is read and refused in Chinese ({@link org.publicservice.procurement.purchase.FormRules},
 * {@link org.publicservice.procurement.purchase.SubmissionRejectedException}).
 */
package org.publicservice.procurement.purchase;
