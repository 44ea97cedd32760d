// Forms opened from the khata and products screens. Enter saves, Esc closes; a refusal is shown
// under the box it is about, or at the top when it is about the whole thing.
import { PAYMENT_MODES } from '../../common/commands/fields';
import { useApp } from '../store';
import { Field, Modal } from './Modal';

export function KhataFormDialog() {
  const { t, khataForm: f, statementOf: c, setKhataForm, role } = useApp();
  if (!f || !c) return null;
  const title = `${t(f.kind === 'payment' ? 'action.takePayment' : 'action.writeUdhaar')}: ${c.name}`;
  return (
    <Modal title={title} keys="Enter · Esc" testId="khata-form">
      <Field label={t('khata.amount')} name="amount" value={f.amount} onChange={(amount) => setKhataForm({ amount })} error={f.error} autoFocus numeric />
      {f.kind === 'payment' && (
        <div className="modes">
          {PAYMENT_MODES.map((m) => (
            <button key={m} type="button" className={m === f.mode ? 'mode active' : 'mode'} onClick={() => setKhataForm({ mode: m })}>
              {m.toUpperCase()} <kbd>{m === 'card' ? 'D' : m[0]!.toUpperCase()}</kbd>
            </button>
          ))}
        </div>
      )}
      <Field label={t('khata.note')} name="note" value={f.note} onChange={(note) => setKhataForm({ note })} />
      {f.kind === 'udhaar' && role === 'owner' && (
        <label className="check">
          <input type="checkbox" checked={f.overLimit} onChange={(e) => setKhataForm({ overLimit: e.target.checked })} /> {t('action.overLimit')}
        </label>
      )}
    </Modal>
  );
}

export function ProductFormDialog() {
  const { t, productForm: f, setProductForm } = useApp();
  if (!f) return null;
  const err = (field: string) => (f.field === field ? f.error : null);
  if (f.kind === 'stock') {
    return (
      <Modal title={`${t('action.stockIn')}: ${f.name}`} keys="Enter · Esc" testId="product-form">
        <Field label={`${t('products.quantity')} (${f.unit})`} name="quantity" value={f.quantity} onChange={(quantity) => setProductForm({ quantity })} error={err('quantity') ?? f.error} autoFocus numeric />
      </Modal>
    );
  }
  const general = f.error && !['name', 'price', 'barcode', 'aliases', 'gstRateBp', 'hsn', 'unit', 'stock'].includes(f.field ?? '') ? f.error : null;
  return (
    <Modal title={t(f.kind === 'add' ? 'action.addProduct' : 'action.editProduct')} keys="Enter · Esc" wide testId="product-form">
      {general && (
        <div className="notice error" role="alert" data-testid="form-error">
          {general}
        </div>
      )}
      <div className="form-grid">
        <Field label={t('products.name')} name="name" value={f.name} onChange={(name) => setProductForm({ name })} error={err('name')} autoFocus width="long" />
        <Field label={t('products.aliases')} name="aliases" value={f.aliases} onChange={(aliases) => setProductForm({ aliases })} error={err('aliases')} width="long" />
        <Field label={t('products.barcode')} name="barcode" value={f.barcode} onChange={(barcode) => setProductForm({ barcode })} error={err('barcode')} />
        <Field label={t('products.price')} name="price" value={f.price} onChange={(price) => setProductForm({ price })} error={err('price') ?? err('pricePaise')} />
        <Field label={t('products.unit')} name="unit" value={f.unit} onChange={(unit) => setProductForm({ unit })} error={err('unit')} />
        {f.kind === 'add' && <Field label={t('products.stock')} name="stock" value={f.stock} onChange={(stock) => setProductForm({ stock })} error={err('stock')} />}
        <Field label={t('products.gst')} name="gst" value={f.gst} onChange={(gst) => setProductForm({ gst })} error={err('gstRateBp')} />
        <Field label={t('products.hsn')} name="hsn" value={f.hsn} onChange={(hsn) => setProductForm({ hsn })} error={err('hsn')} />
      </div>
    </Modal>
  );
}
