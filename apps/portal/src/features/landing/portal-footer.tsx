/** The portal's footer. */
export function PortalFooter() {
  return (
    <footer className="portal-footer">
      <p>Powered by Warmpath, the open-source referral platform.</p>
    </footer>
  );
}
