// The owner's reports. GSTR-1 answers with the GST offline tool's JSON itself, as a file to save
// (not wrapped in a key, since the file is uploaded as it is); the sales report follows the API's
// usual shape, amounts as decimal strings. Both are owner-only through their commands' role.
import { z } from 'zod';
import { IstDateField, MonthField } from '../../../common/commands/reports';
import { paiseToDecimalString as money } from '../../../common/money';
import type { SalesReport } from '../../../common/reports';
import { zodErrorToAppError } from '../../commands/dispatch';
import { commandRoute, documentRoute, sendError } from '../route';
import type { RouteModule } from './index';

const Gstr1Query = z.object({ month: MonthField.optional() });
const SalesQuery = z.object({ from: IstDateField.optional(), to: IstDateField.optional() });

export const presentSalesReport = (r: SalesReport) => ({
  from: r.from,
  to: r.to,
  invoiceCount: r.invoiceCount,
  grossSales: money(r.grossSalesPaise),
  discounts: money(r.discountPaise),
  netSales: money(r.netSalesPaise),
  cgst: money(r.cgstPaise),
  sgst: money(r.sgstPaise),
  igst: money(r.igstPaise),
  billed: money(r.billedPaise),
  cancelledCount: r.cancelledCount,
  cancelled: money(r.cancelledPaise),
  paymentsByMode: { cash: money(r.paymentsByModePaise.cash), upi: money(r.paymentsByModePaise.upi), card: money(r.paymentsByModePaise.card), other: money(r.paymentsByModePaise.other) },
  udhaarWritten: money(r.udhaarWrittenPaise),
  udhaarCollected: money(r.udhaarCollectedPaise),
  costKnown: r.costKnown,
  note: r.note,
});

export const reportRoutes: RouteModule = (app, deps) => {
  const gstr1 = { method: 'GET', url: '/api/v1/reports/gstr1', summary: 'GSTR-1 for a month (YYYY-MM, default this IST month) as the GST offline tool’s JSON file (owner).', query: Gstr1Query };
  documentRoute(gstr1);
  app.route({
    method: 'GET',
    url: gstr1.url,
    handler: async (req, reply) => {
      const query = Gstr1Query.safeParse(req.query ?? {});
      if (!query.success) return sendError(reply, zodErrorToAppError(query.error));
      const r = deps.services.dispatcher.dispatch('report-gstr1', query.data, deps.actorOf(req));
      if (!r.ok) return sendError(reply, r.error);
      return reply.header('content-disposition', `attachment; filename=${r.value.fileName}`).type('application/json').send(r.value.gstr1);
    },
  });

  commandRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/reports/pnl',
    command: 'report-sales',
    summary: 'Sales and GST for IST days (from/to YYYY-MM-DD, default this month): no profit, since Galla records no purchase prices (owner).',
    query: SalesQuery,
    toInput: ({ query }) => query,
    present: presentSalesReport,
    responseKey: 'report',
  });
};
