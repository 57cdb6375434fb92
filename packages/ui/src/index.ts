export { cx } from './class-names.js';
export {
  accentContrast,
  brandColorVariables,
  contrastRatio,
  isHexColor,
  NON_TEXT_CONTRAST_AA,
  PORTAL_SURFACES,
  readableTextColor,
  relativeLuminance,
  TEXT_CONTRAST_AA,
} from './color/contrast.js';
export { AppShell, type AppShellProps } from './components/app-shell.js';
export { Badge, type BadgeProps, type BadgeTone } from './components/badge.js';
export { BrandMark, type BrandMarkProps } from './components/brand-mark.js';
export {
  Button,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
  buttonClassName,
} from './components/button.js';
export { Card, type CardProps } from './components/card.js';
export { CheckboxField, type CheckboxFieldProps } from './components/checkbox-field.js';
export { CopyButton, type CopyButtonProps } from './components/copy-button.js';
export { Dialog, type DialogProps } from './components/dialog.js';
export { EmptyState, type EmptyStateProps } from './components/empty-state.js';
export { ErrorState, type ErrorStateProps } from './components/error-state.js';
export { FieldFrame, type FieldFrameProps } from './components/field-frame.js';
export { describedByIds, FieldMessages, RequiredMark } from './components/field-parts.js';
export { Fieldset, type FieldsetProps } from './components/fieldset.js';
export { FormAlert, type FormAlertProps } from './components/form-alert.js';
export { Icon, type IconName, type IconProps } from './components/icon.js';
export { type KeyValueItem, KeyValueList, type KeyValueListProps } from './components/key-value-list.js';
export { Grid, type GridProps, Stack, type StackProps } from './components/layout.js';
export { LoadingState, type LoadingStateProps } from './components/loading-state.js';
export { MultilineText, type MultilineTextProps } from './components/multiline-text.js';
export { NewPasswordFields, PASSWORD_HINT, PASSWORDS_DIFFER } from './components/new-password-fields.js';
export { PageHeader, type PageHeaderProps } from './components/page-header.js';
export {
  type FailedQuery,
  QueryErrorState,
  type QueryErrorStateProps,
} from './components/query-error-state.js';
export {
  ReferralStageBadge,
  type ReferralStageBadgeProps,
} from './components/referral-stage-badge.js';
export { SelectField, type SelectFieldProps, type SelectOption } from './components/select-field.js';
export {
  SideNav,
  SideNavItem,
  type SideNavItemProps,
  type SideNavProps,
  sideNavLinkClassName,
} from './components/side-nav.js';
export { Skeleton, type SkeletonProps } from './components/skeleton.js';
export { Spinner, type SpinnerProps } from './components/spinner.js';
export { SplashLayout, type SplashLayoutProps } from './components/splash-layout.js';
export { Table, type TableColumn, type TableProps } from './components/table.js';
export { type TabItem, Tabs, type TabsProps } from './components/tabs.js';
export { TextAreaField, type TextAreaFieldProps } from './components/text-area-field.js';
export { TextField, type TextFieldProps } from './components/text-field.js';
export {
  type TrackKind,
  TrackKindBadge,
  type TrackKindBadgeProps,
  trackKindLabel,
} from './components/track-kind-badge.js';
export { type DateFormatOptions, formatDate, formatDateTime } from './format/dates.js';
export { CONTACT_ROLES, type ContactRole, contactRoleLabel } from './labels/contact-roles.js';
export {
  isReferralStage,
  REFERRAL_STAGE_OPTIONS,
  REFERRAL_STAGES,
  type ReferralStage,
  referralStageLabel,
  referralStageMeaning,
  referralStageTone,
  type StageAudience,
} from './labels/referral-stages.js';
export {
  redirectSearchParam,
  type SafeRedirectOptions,
  safeRedirectPath,
} from './navigation/safe-redirect-path.js';
