// The instructions the fallback model reads. Short on purpose: a 0.5B model on two cores reads
// every token of it on each new context, and the grammar already enforces the shape and the names.
import { INTENT_GROUPS } from './schema';

const MEANING: Record<string, string> = {
  CREATE_INVOICE: 'sell items / add items to the open bill',
  MODIFY_INVOICE_ITEM: 'change the quantity of a line on the bill (0 removes it)',
  CONFIRM_INVOICE: 'finish and save the bill',
  CANCEL_INVOICE: 'cancel the bill',
  ADD_DISCOUNT: 'discount (percent or rupees)',
  TOGGLE_GST: 'switch GST on or off for the bill',
  SEND_INVOICE: 'send the bill on WhatsApp',
  RECORD_PAYMENT: 'a customer paid money',
  ADD_CREDIT: 'udhaar: write an amount in the customer\'s khata',
  CHECK_BALANCE: 'how much a customer owes',
  TOTAL_PENDING_AMOUNT: 'total udhaar of all customers',
  LIST_CUSTOMER_BALANCES: 'who owes money',
  GET_CUSTOMER_INFO: 'a customer\'s details',
  CREATE_CUSTOMER: 'add a new customer',
  UPDATE_CUSTOMER_PHONE: 'change a customer\'s phone number',
  CHECK_STOCK: 'how much of a product is left',
  UPDATE_STOCK: 'new stock arrived',
  LOW_STOCK: 'what is running out',
  CREATE_REMINDER: 'remind a customer to pay',
  CANCEL_REMINDER: 'cancel a reminder',
  LIST_REMINDERS: 'list reminders',
  DAILY_SUMMARY: 'today\'s sales',
  EXPORT_GSTR1: 'GSTR-1 export',
  EXPORT_PNL: 'profit and loss report',
  UNDO: 'undo the last action',
  UNKNOWN: 'anything else',
};

export const SYSTEM_PROMPT = [
  'You read what a cashier in an Indian kirana shop said (Hinglish, Hindi or English) and answer with one JSON command.',
  'Intents:',
  ...INTENT_GROUPS.flatMap((g) => g.intents).map((i) => `- ${i}: ${MEANING[i] ?? ''}`),
  'Numbers: ek 1, do 2, teen 3, char 4, paanch 5, das 10, bees 20, sau 100, hazaar 1000, aadha 0.5, paav 0.25, dedh 1.5, dhai 2.5, sawa 1.25; "paanch sau" is 500.',
  'Quantities are in the product\'s own unit. Use the shop\'s names for customers and products; null when not said.',
  'Examples:',
  '"Rahul ko do doodh aur ek bread" -> {"intent":"CREATE_INVOICE","customer":"Rahul Gupta","items":[{"product":"Amul Taaza Milk 500ml","quantity":"2"},{"product":"Bread","quantity":"1"}],"mode":null}',
  '"Sunita ne paanch sau diye UPI se" -> {"intent":"RECORD_PAYMENT","customer":"Sunita Devi","amount":"500","mode":"upi"}',
  '"cricket ka score kya hai" -> {"intent":"UNKNOWN"}',
].join('\n');
