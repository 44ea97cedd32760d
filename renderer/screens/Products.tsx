import { useEffect } from 'react';
import { formatRupees } from '../../common/money';
import { ActionButton } from '../components/ActionButton';
import { useApp } from '../store';

export function Products() {
  const { t, productList, productSelected, productFilter, setProductFilter, lowOnly, productNotice, productError, loadProducts } = useApp();
  useEffect(() => {
    void loadProducts();
  }, [loadProducts]);
  return (
    <main className="one-pane">
      <div className="pane-head">
        <h1>{t('products.title')}</h1>
        <input className="big-input" name="product-filter" autoFocus autoComplete="off" placeholder={t('products.filter')} value={productFilter} onChange={(e) => setProductFilter(e.target.value)} />
        <div className="buttons">
          <ActionButton id="product-add" variant="primary" />
          <ActionButton id="product-edit" />
          <ActionButton id="stock-in" />
          <ActionButton id="low-stock" label={`${lowOnly ? '✓ ' : ''}${t('action.lowStock')}`} />
        </div>
      </div>
      {productNotice && (
        <div className="notice ok" data-testid="product-notice">
          {productNotice}
        </div>
      )}
      {productError && <div className="notice error">{productError}</div>}
      <table className="list" data-testid="products">
        <thead>
          <tr>
            <th>{t('products.name')}</th>
            <th>{t('products.barcode')}</th>
            <th className="num">{t('products.price')}</th>
            <th className="num">{t('products.stock')}</th>
            <th className="num">{t('products.gst')}</th>
          </tr>
        </thead>
        <tbody>
          {productList.map((p, i) => (
            <tr key={p.id} className={i === productSelected ? 'selected' : ''} onClick={() => useApp.setState({ productSelected: i })}>
              <td>
                {p.name}
                {p.aliases.length > 0 && <div className="muted">{p.aliases.join(', ')}</div>}
              </td>
              <td className="code">{p.barcode}</td>
              <td className="num">{formatRupees(p.pricePaise)}</td>
              <td className={`num ${p.stock <= p.lowStockThreshold ? 'due' : ''}`}>
                {p.stock} <small>{p.unit}</small>
              </td>
              <td className="num">{p.gstRateBp / 100}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer className="screen-keys">{t('products.keys')}</footer>
    </main>
  );
}
